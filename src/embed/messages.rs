//! Problem messages on demand. The widget's own wasm is built without the validator's messages
//! (feature `messages`, `src/validate`): it finds the same problems at the same places, with
//! empty texts. When a payload has problems, the on-demand module (the second wasm build, which
//! also makes chart images) validates the same text again, with every message, and hands the
//! texts back through the loader's bridge. Builds with the messages have nothing to ask: they
//! only put each problem's place in words before its message, as the module does.

use crate::validate::Problem;
#[cfg(not(feature = "messages"))]
use crate::validate::Severity;
use js_sys::Array;
#[cfg(not(feature = "messages"))]
use js_sys::Promise;
use wasm_bindgen::prelude::*;
#[cfg(not(feature = "messages"))]
use wasm_bindgen::JsCast;

/// The window property through which the widget asks for the messages of a payload's problems.
pub const BRIDGE: &str = "report-widget:describe";

/// `problems`, found in the payload `text`, with their messages, each after its place in words
/// as the on-demand module gives them.
#[cfg(feature = "messages")]
pub async fn describe(text: &str, mut problems: Vec<Problem>) -> Vec<Problem> {
    crate::validate::place::name_places(text, &mut problems);
    problems
}

/// `problems`, found in the payload `text`, with their messages: those of the on-demand module,
/// for each problem it found at the same place; where it could not be loaded, the message the
/// problem has (a syntax error's), or one that says what kind of problem it is and that the
/// rest could not be loaded.
#[cfg(not(feature = "messages"))]
pub async fn describe(text: &str, mut problems: Vec<Problem>) -> Vec<Problem> {
    let described = ask(text).await.unwrap_or_default();
    for (i, problem) in problems.iter_mut().enumerate() {
        let answer = described.get(i).filter(|d| d.get(0).as_string().as_deref() == Some(problem.pointer.as_str()));
        match answer {
            Some(d) => {
                problem.zh = d.get(1).as_string().unwrap_or_default();
                problem.en = d.get(2).as_string().unwrap_or_default();
            }
            // A syntax error says so, at its line and column, in this build already; the module
            // adds what the JSON reader expected and the likely mistake behind it.
            None if !problem.en.is_empty() => {}
            None if problem.severity == Severity::Warning => {
                // The decoder warns about one thing only.
                problem.zh = "未知字段（已忽略）；详细说明未能加载".into();
                problem.en = "unknown field (ignored); the details could not be loaded".into();
            }
            None => {
                problem.zh = "此处的数据有误；详细说明未能加载，请刷新页面".into();
                problem.en = "this value is not valid; the details could not be loaded, please reload the page".into();
            }
        }
    }
    problems
}

/// The loader's answer for `text`: one `[pointer, zh, en]` array per problem; `None` without a
/// bridge or when the on-demand module could not be loaded (the loader has said why).
#[cfg(not(feature = "messages"))]
async fn ask(text: &str) -> Option<Vec<Array>> {
    let bridge = super::loader_bridge(BRIDGE)?;
    let promise: Promise = bridge.call1(&JsValue::NULL, &JsValue::from_str(text)).ok()?.dyn_into().ok()?;
    // `null` when the module could not be loaded; never `Array.from(null)`, which throws.
    let answer: Array = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    Some(answer.iter().filter_map(|d| d.dyn_into::<Array>().ok()).collect())
}

/// The on-demand module's side: the problems of the payload `text` (its warnings if it is
/// valid), each as `[pointer, zh, en]`, in the order the widget found them.
#[cfg(feature = "messages")]
pub fn answer(text: &str) -> Array {
    let mut problems = match crate::validate::load_checked(text) {
        Ok(checked) => checked.warnings,
        Err(err) => err.problems(),
    };
    // "第2节“五区排名” › 第3项“PM10浓度”：…": the pointer beside it counts from 0.
    crate::validate::place::name_places(text, &mut problems);
    problems
        .iter()
        .map(|p| -> JsValue {
            Array::of3(&p.pointer.as_str().into(), &p.zh.as_str().into(), &p.en.as_str().into()).into()
        })
        .collect()
}
