//! Interface strings (not payload text) in Chinese and English.

use crate::model::Lang;

/// Every fixed string the widget shows, in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Ui {
    pub published_by: &'static str,
    pub published_on: &'static str,
    pub synthetic_notice: &'static str,
    pub col_item: &'static str,
    pub col_value: &'static str,
    pub col_change: &'static str,
    pub col_value_rank: &'static str,
    pub col_change_rank: &'static str,
    pub not_given: &'static str,
    pub resolved: &'static str,
    pub computed_note: &'static str,
    pub marked_month: &'static str,
    pub unmarked_month: &'static str,
    pub source: &'static str,
    pub error_title: &'static str,
    pub error_more: &'static str,
    pub chart_summary: &'static str,
    pub contents: &'static str,
    pub reward: &'static str,
}

const ZH: Ui = Ui {
    published_by: "发布单位",
    published_on: "发布日期",
    synthetic_notice: "合成数据：此报告为测试或基准生成，不是真实数据。",
    col_item: "指标",
    col_value: "数值",
    col_change: "同比变化",
    col_value_rank: "数值排名",
    col_change_rank: "改善幅度排名",
    not_given: "报告未列明",
    resolved: "已办结",
    computed_note: "（按报告数字计算）",
    marked_month: "是",
    unmarked_month: "否",
    source: "原文",
    error_title: "无法显示此报告",
    error_more: "另有 {n} 个问题未列出",
    chart_summary: "条形图",
    contents: "目录",
    reward: "奖励",
};

const EN: Ui = Ui {
    published_by: "Published by",
    published_on: "Date",
    synthetic_notice: "Synthetic data: generated for tests or benchmarks, not real figures.",
    col_item: "Indicator",
    col_value: "Value",
    col_change: "Year-on-year change",
    col_value_rank: "Rank by value",
    col_change_rank: "Rank by improvement",
    not_given: "not given in the report",
    resolved: "resolved",
    computed_note: " (computed from the report's figures)",
    marked_month: "yes",
    unmarked_month: "no",
    source: "Source text",
    error_title: "This report cannot be shown",
    error_more: "{n} more problem(s) not listed",
    chart_summary: "Bar chart",
    contents: "Contents",
    reward: "reward",
};

/// The interface strings for `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
