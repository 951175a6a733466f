//! Any bytes through the payload parser and validator, and valid results through the view
//! model: nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use report_widget::model::Lang;
use report_widget::validate;
use report_widget::view::ReportView;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match validate::load_checked(text) {
        Ok(checked) => {
            for lang in [Lang::Zh, Lang::En] {
                let _ = ReportView::new(&checked.report, lang);
            }
        }
        Err(err) => {
            let _ = err.problems();
        }
    }
});
