//! Advice to a report's authors beyond the rules: a valid payload whose figures the widget will
//! show in a way the report may not mean. Made by the authoring tools only (the command-line
//! tool and the editor), never by the widget, which shows readers no warnings; so they are not
//! part of the problem list the widget and its on-demand messages share, nor of its wasm.

use super::{Checked, Problem};
use crate::model::{Decimal, Report, SectionBody, Text};

impl Checked {
    /// The same report, with the advice for its authors after its warnings: what the
    /// command-line tool and the editor show for a valid payload.
    pub fn with_advice(mut self) -> Checked {
        self.warnings.extend(advice(&self.report));
        self
    }
}

/// The advice for a valid report, as warnings.
pub fn advice(report: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    if report.sections.is_empty() {
        out.push(Problem::warning(
            "/sections",
            "报告还没有章节：嵌入后只显示标题等报告信息，没有一个数字；请添加章节",
            "the report has no sections yet: embedded, it shows its title and details but not one figure; add a section",
        ));
    }
    if let Some((url, meant)) = report.meta.source_url.as_deref().and_then(|url| Some((url, address_meant(url)?))) {
        out.push(Problem::warning(
            "/meta/source_url",
            format!("原文链接“{url}”没有以 http:// 或 https:// 开头，会被当作本站的路径，点开是本站的页面；若是其他网站的网址，请写成“{meant}”"),
            format!("the source link “{url}” does not start with http:// or https://, so it is read as a path on this site and opens a page of this site; if it is another site's address, write “{meant}”"),
        ));
    }
    // "五区第1名" says how many are ranked; "监测站点第5名" does not, and the rank meter's
    // "5 / 12" beside it is not read aloud (the English badge, "5th of 12 …", says it itself).
    for (gi, group) in report.groups.iter().enumerate() {
        let zh = group.label.zh.as_str();
        let counted = zh
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二两三四五六七八九十百千万".contains(c));
        if !counted {
            let n = group.size;
            // The count after the scope: 全市9个县区, not 9个全市县区.
            let (scope, rest) = ["全市", "全区", "全省", "全县", "全国", "本市", "本区", "本省", "本县"]
                .iter()
                .find_map(|scope| zh.strip_prefix(scope).filter(|rest| !rest.is_empty()).map(|rest| (*scope, rest)))
                .unwrap_or(("", zh));
            // 全市各县区 → 全市12个县区.
            let rest = rest.strip_prefix('各').filter(|r| !r.is_empty()).unwrap_or(rest);
            out.push(Problem::warning(
                format!("/groups/{gi}/label"),
                format!("分组名称“{zh}”没有说出共有几个：名次读作“{zh}第1名”，读屏用户听不到共有 {n} 个；请写成如“{scope}{n}个{rest}”"),
                format!("the group's Chinese name “{zh}” does not say how many there are: a rank reads “{zh}第1名”, and screen-reader users do not hear that there are {n}; write it as, e.g., “{scope}{n}个{rest}”"),
            ));
        }
    }
    for (si, section) in report.sections.iter().enumerate() {
        let at = format!("/sections/{si}");
        // A month calendar with none marked still says something (twelve months, none first).
        let entries = match &section.body {
            SectionBody::Metrics(body) => Some(("items", body.items.len())),
            SectionBody::Ranking(body) => Some(("rows", body.rows.len())),
            SectionBody::CaseStats(body) => Some(("items", body.items.len())),
            SectionBody::Highlights(body) => Some(("items", body.items.len())),
            SectionBody::Narrative(body) => Some(("paragraphs", body.paragraphs.len())),
            SectionBody::Calendar(_) => None,
        };
        if let Some((list, 0)) = entries {
            out.push(Problem::warning(
                format!("{at}/{list}"),
                "本节还没有内容：嵌入后只显示本节的标题；请添加内容，或删除本节",
                "this section has no entries yet: embedded, it shows only its title; add some, or remove the section",
            ));
        }
        match &section.body {
            SectionBody::Metrics(body) => {
                for (ii, m) in body.items.iter().enumerate() {
                    unit_advice(&mut out, m.unit.as_ref(), format!("{at}/items/{ii}/unit"), Some(&m.value));
                    if let Some(change) = &m.change {
                        let pointer = format!("{at}/items/{ii}/change/unit");
                        unit_advice(&mut out, change.unit.as_ref(), pointer, Some(&change.value));
                    }
                }
            }
            SectionBody::Ranking(body) => {
                for (ri, row) in body.rows.iter().enumerate() {
                    unit_advice(&mut out, row.unit.as_ref(), format!("{at}/rows/{ri}/unit"), row.value.as_ref());
                }
            }
            SectionBody::CaseStats(body) => {
                for (ii, item) in body.items.iter().enumerate() {
                    unit_advice(&mut out, item.unit.as_ref(), format!("{at}/items/{ii}/unit"), Some(&item.value));
                }
            }
            SectionBody::Calendar(body) => {
                for (mi, month) in body.marked.iter().enumerate() {
                    // A reward without a unit is not advised about: the Lanshan report itself
                    // says "各奖励100万", 100万 of nothing named.
                    if let Some(reward) = &month.reward {
                        let pointer = format!("{at}/marked/{mi}/reward/unit");
                        unit_advice(&mut out, reward.unit.as_ref(), pointer, Some(&reward.value));
                    }
                }
            }
            _ => {}
        }
        same_names(&mut out, report, &at, &section.body);
        let SectionBody::CaseStats(body) = &section.body else { continue };
        // "受理3000余件，办结2988件": the share resolved of a hedged total is only approximate.
        for (ii, item) in body.items.iter().enumerate().filter(|(_, i)| i.qualifier.is_some() && i.resolved.is_some()) {
            let value = item.value.written();
            out.push(Problem::warning(
                format!("/sections/{si}/items/{ii}/resolved"),
                format!("数值带限定词（如“余”“超过”），已办结的比例只能按 {value} 计算，是近似值；报告若给出确切总数，请写确切数"),
                format!("the value is hedged (\"more than\", \"about\"…), so the share resolved can only be computed from {value} and is approximate; if the report gives the exact total, write that"),
            ));
        }
    }
    out
}

/// The same name twice in one section (a ranking's rows, a case chart's items, a section's
/// cards): a row pasted twice from the sheet (青山镇 ranked 2nd and 4th) reads as plausible as
/// any, so it is pointed out at each later one, naming the first. Names are compared as a reader
/// sees them: spaces anywhere left out ("合　计"), full-width letters and digits as half-width,
/// ASCII case folded; an item or a card with its unit too (罚款 in 件 and in 万元 are two
/// figures). Across sections a name may well come again (PM2.5 in two years' tables).
fn same_names(out: &mut Vec<Problem>, report: &Report, at: &str, body: &SectionBody) {
    // An item or a card: its label, compared with its unit.
    fn labelled<'a>(i: usize, label: &'a Text, unit: Option<&Text>) -> (usize, &'static str, &'a str, String) {
        (i, "label", label.zh.as_str(), name_key(&label.zh, unit.map_or("", |u| u.zh.as_str())))
    }
    // (index in the list, the field to point at, the name as shown, the key compared)
    let (list, entries): (&str, Vec<(usize, &str, &str, String)>) = match body {
        SectionBody::Ranking(b) => (
            "rows",
            b.rows
                .iter()
                .enumerate()
                .filter_map(|(i, row)| {
                    let (field, name) = match (&row.metric, &row.label) {
                        (Some(id), _) => ("metric", report.metric(id)?.label.zh.as_str()),
                        (None, Some(label)) => ("label", label.zh.as_str()),
                        (None, None) => return None,
                    };
                    // Without the unit: a ranking's rows are its group's members, one row each.
                    Some((i, field, name, name_key(name, "")))
                })
                .collect(),
        ),
        SectionBody::CaseStats(b) => (
            "items",
            b.items.iter().enumerate().map(|(i, item)| labelled(i, &item.label, item.unit.as_ref())).collect(),
        ),
        SectionBody::Metrics(b) => {
            ("items", b.items.iter().enumerate().map(|(i, m)| labelled(i, &m.label, m.unit.as_ref())).collect())
        }
        _ => return,
    };
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, field, name, key) in entries {
        let Some(&earlier) = first.get(&key) else {
            first.insert(key, i);
            continue;
        };
        let (zh_place, en_place) = super::place::step(list, earlier + 1);
        let name = name.trim();
        out.push(Problem::warning(
            format!("{at}/{list}/{i}/{field}"),
            format!("与{zh_place}名称相同（“{name}”）：是否重复填写？如是两项不同的内容，请改用能区分的名称"),
            format!(
                "the same name as {} (“{name}”): entered twice? If they are two different things, give them names that tell them apart",
                en_place.to_lowercase()
            ),
        ));
    }
}

/// A name (and unit) as `same_names` compares them.
fn name_key(name: &str, unit: &str) -> String {
    let fold = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace())
            // Full-width forms U+FF01–FF5E are ASCII's U+0021–007E moved up by 0xFEE0.
            .map(|c| match c {
                '！'..='～' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            })
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    format!("{}\u{0}{}", fold(name), fold(unit))
}

/// The advice on a figure's unit (`pointer` is the unit's place).
fn unit_advice(out: &mut Vec<Problem>, unit: Option<&Text>, pointer: String, value: Option<&Decimal>) {
    // "％" is what a Chinese input method types: the same unit to a reader of Chinese, but a
    // text without English to the widget.
    let no_english = |u: &Text| u.en.as_deref().map(str::trim).is_none_or(|en| en.is_empty() || en == "％");
    if unit.is_some_and(|u| u.zh.trim() == "％" && no_english(u)) {
        out.push(Problem::warning(
            pointer.clone(),
            "单位“％”是全角字符（中文输入法）：请写半角的“%”；全角的“％”没有英文，英文视图会把它当作中文显示",
            "the unit \"％\" is the full-width sign (typed by a Chinese input method): write the half-width \"%\"; the full-width one has no English, so the English view shows it as Chinese text",
        ));
    }
    magnitude_in_english(out, unit, pointer, value);
}

/// A unit in 万 or 亿 (万件, 亿元) whose English has no magnitude ("cases"): the English view
/// would say 20 cases for 20万件, ten thousand times too few. An English with digits or a word
/// for one ("× 10,000 cases", "100 million yuan") is taken as carrying it. Placed at the unit's
/// English (`pointer`/en), which is what to change; `value` is the figure the unit follows.
fn magnitude_in_english(out: &mut Vec<Problem>, unit: Option<&Text>, pointer: String, value: Option<&Decimal>) {
    let Some((zh, en)) = unit.and_then(|u| Some((u.zh.as_str(), u.en.as_deref()?))) else { return };
    let pointer = format!("{pointer}/en");
    // "10,000 yuan" after the number reads "12.6 10,000 yuan": 12.610,000 at a glance.
    if en.starts_with(|c: char| c.is_ascii_digit()) {
        let shown = value.map_or("5", Decimal::written);
        out.push(Problem::warning(
            pointer,
            format!("单位的英文“{en}”以数字开头：英文视图显示为“{shown} {en}”，像一个数；请写成“× {en}”"),
            format!("the unit's English \"{en}\" starts with a number: the English view shows \"{shown} {en}\", which reads as one number; write \"× {en}\""),
        ));
        return;
    }
    let Some((magnitude, times_zh, times_en)) =
        crate::format::figure::MAGNITUDES.into_iter().find(|(m, ..)| zh.starts_with(m))
    else {
        return;
    };
    let lower = en.to_lowercase();
    let carried = lower.contains(|c: char| c.is_ascii_digit())
        || ["thousand", "million", "billion", "trillion", "wan", "yi "].iter().any(|w| lower.contains(w));
    if !carried {
        out.push(Problem::warning(
            pointer,
            format!("单位“{zh}”含数量级“{magnitude}”，其英文“{en}”没有：英文视图会把数字说小{times_zh}倍；请在英文中写出，如“× 10,000 cases”（万）或“100 million yuan”（亿）"),
            format!("the unit \"{zh}\" holds the magnitude {magnitude} and its English \"{en}\" does not: the English view would make the figure {times_en} times too small; write it in, as in \"× 10,000 cases\" (万) or \"100 million yuan\" (亿)"),
        ));
    }
}

/// The address a link without a scheme was likely meant to be: one typed with a Chinese input
/// method's colon or slashes (“https：//…”), or a site's name without its scheme
/// (“www.x.gov.cn/a.html”, “x.gov.cn/a.html”), which a browser reads as a path on this site.
fn address_meant(url: &str) -> Option<String> {
    let typed: String = url
        .chars()
        .map(|c| match c {
            '：' => ':',
            '／' => '/',
            c => c,
        })
        .collect();
    if typed != url {
        let lower = typed.to_ascii_lowercase();
        return (lower.starts_with("http://") || lower.starts_with("https://")).then_some(typed);
    }
    if url.contains(':') || url.starts_with(['/', '.', '?', '#']) {
        return None;
    }
    let host = url.split(['/', '?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    let site = host.starts_with("www.")
        || [".cn", ".com", ".net", ".org", ".gov"].iter().any(|tld| host.ends_with(tld) && host.len() > tld.len());
    site.then(|| format!("https://{url}"))
}
