//! Interface strings (not payload text) in Chinese and English.

use crate::model::Lang;

/// Every fixed string the widget shows, in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Ui {
    pub published_by: &'static str,
    pub published_on: &'static str,
    /// The link to the original report (`meta.source_url`).
    pub original: &'static str,
    pub synthetic_notice: &'static str,
    pub col_item: &'static str,
    pub col_value: &'static str,
    pub col_change: &'static str,
    pub col_value_rank: &'static str,
    pub col_change_rank: &'static str,
    pub col_done: &'static str,
    pub col_total: &'static str,
    pub col_rate: &'static str,
    pub col_month: &'static str,
    pub col_reward: &'static str,
    pub not_given: &'static str,
    pub resolved: &'static str,
    pub computed_note: &'static str,
    pub comma: &'static str,
    /// Footnote under completion charts; the mark `*` is its anchor.
    pub computed_footnote: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub source: &'static str,
    /// Before the publisher and title on exported charts.
    pub credit: &'static str,
    /// After the credit line of a synthetic report's chart image.
    pub synthetic_credit: &'static str,
    pub error_title: &'static str,
    pub error_more: &'static str,
    pub bar_chart: &'static str,
    pub completion_chart: &'static str,
    pub month_chart: &'static str,
    pub completion: &'static str,
    /// "{label}：已办结{done}{unit}，共{total}{unit}，办结率{percent}（计算）"
    pub completion_detail: &'static str,
    /// "{n}项中{done}项全部办结"
    pub completion_summary: &'static str,
    pub n_items: &'static str,
    /// After a chart's summary, before the names of the items its legend hides.
    pub legend_hides: &'static str,
    pub highest: &'static str,
    pub lowest: &'static str,
    pub none_marked: &'static str,
    /// "各奖励{r}"
    pub each_reward: &'static str,
    pub contents: &'static str,
    pub reward: &'static str,
    pub large_text: &'static str,
    pub display_options: &'static str,
    pub table_view: &'static str,
    pub download: &'static str,
    pub download_csv: &'static str,
    pub download_svg: &'static str,
    pub download_png: &'static str,
    /// Shown beside the downloads of a chart or a table when its file could not be made.
    pub export_failed: &'static str,
    pub legend: &'static str,
    pub all_hidden: &'static str,
    pub show_all: &'static str,
    pub plot_hint: &'static str,
    pub sort_hint: &'static str,
    /// Said to screen readers once a table is sorted, from the column's button, which keeps the
    /// focus: `sorted_by`, the column's name, then `sorted` (ascending, descending). The name
    /// makes each new order a new text: sorting a second column the same way as the first was
    /// otherwise not said at all.
    pub sorted_by: &'static str,
    pub sorted: [&'static str; 2],
    /// Pager of long tables.
    pub pager: &'static str,
    pub page_first: &'static str,
    pub page_prev: &'static str,
    pub page_next: &'static str,
    pub page_last: &'static str,
    /// "{from}", "{to}", "{total}": which rows of a long table are shown.
    pub rows_shown: &'static str,
    /// "{total}": button that shows every row of a long table.
    pub show_all_rows: &'static str,
    pub show_by_page: &'static str,
    /// Button that unfolds an amount in 万元 converted to yuan.
    pub in_yuan: &'static str,
    pub summary_label: &'static str,
    pub table_of: &'static str,
    // Punctuation and joints, which differ between the languages.
    pub colon: &'static str,
    pub paren_open: &'static str,
    pub paren_close: &'static str,
    pub list_sep: &'static str,
    /// Between a figure and the report's note on it, in a tooltip ("，" / ", ").
    pub clause_sep: &'static str,
    /// Between names in a list ("4月、8月", "April, August").
    pub name_sep: &'static str,
    pub sentence_sep: &'static str,
    pub full_stop: &'static str,
}

const ZH: Ui = Ui {
    published_by: "发布单位",
    published_on: "成文日期",
    original: "查看原文",
    synthetic_notice: "合成数据：此报告为测试或基准生成，不是真实数据。",
    col_item: "指标",
    col_value: "数值",
    col_change: "同比变化",
    col_value_rank: "数值排名",
    col_change_rank: "改善幅度排名",
    col_done: "已办结",
    col_total: "总数",
    col_rate: "办结率（计算）",
    col_month: "月份",
    col_reward: "奖励",
    not_given: "报告未列明",
    resolved: "已办结",
    computed_note: "按报告数字计算",
    comma: "，",
    computed_footnote: "办结率由报告中的已办结数和总数计算得出，保留一位小数。",
    yes: "是",
    no: "否",
    source: "原文",
    credit: "来源",
    synthetic_credit: " · 合成数据",
    error_title: "无法显示此报告",
    error_more: "另有 {n} 个问题未列出",
    bar_chart: "条形图",
    completion_chart: "办结率条形图",
    month_chart: "月份图",
    completion: "办结情况",
    completion_detail: "{label}：已办结{done}{unit}，共{total}{unit}，办结率{percent}（计算）",
    completion_summary: "{n}项中{done}项全部办结",
    n_items: "共{n}项",
    legend_hides: "图例隐藏了{n}项：",
    highest: "最多",
    lowest: "最少",
    none_marked: "无",
    each_reward: "各奖励{r}",
    contents: "目录",
    reward: "奖励",
    large_text: "大字模式",
    display_options: "显示选项",
    table_view: "表格视图",
    download: "下载",
    download_csv: "下载CSV",
    download_svg: "下载SVG",
    download_png: "下载PNG",
    export_failed: "文件未能生成，请稍后重试。",
    legend: "图例：显示或隐藏项目",
    all_hidden: "所有项目均已隐藏。请在图例中选择要显示的项目。",
    show_all: "全部显示",
    plot_hint: "聚焦图表后，用方向键逐项查看，按 Esc 关闭提示框。",
    sort_hint: "点击列标题可排序。",
    sorted_by: "已按",
    sorted: ["升序排列", "降序排列"],
    pager: "分页",
    page_first: "首页",
    page_prev: "上一页",
    page_next: "下一页",
    page_last: "末页",
    rows_shown: "第{from}–{to}行，共{total}行",
    show_all_rows: "显示全部{total}行",
    show_by_page: "分页显示",
    in_yuan: "折合元",
    summary_label: "概述",
    table_of: "数据表",
    colon: "：",
    paren_open: "（",
    paren_close: "）",
    list_sep: "；",
    clause_sep: "，",
    name_sep: "、",
    sentence_sep: "。",
    full_stop: "。",
};

const EN: Ui = Ui {
    published_by: "Published by",
    published_on: "Date",
    original: "Original report",
    synthetic_notice: "Synthetic data: generated for tests or benchmarks, not real figures.",
    col_item: "Indicator",
    col_value: "Value",
    col_change: "Year-on-year change",
    col_value_rank: "Rank by value",
    col_change_rank: "Rank by improvement",
    col_done: "Resolved",
    col_total: "Total",
    col_rate: "Rate (computed)",
    col_month: "Month",
    col_reward: "Reward",
    not_given: "not given in the report",
    resolved: "resolved",
    computed_note: "computed from the report's figures",
    comma: ", ",
    computed_footnote: "Rates are computed from the report's resolved and total counts, to one decimal.",
    yes: "yes",
    no: "no",
    source: "Source text",
    credit: "Source",
    synthetic_credit: " · synthetic data",
    error_title: "This report cannot be shown",
    error_more: "{n} more problem(s) not listed",
    bar_chart: "Bar chart",
    completion_chart: "Completion bar chart",
    month_chart: "Month chart",
    completion: "completion",
    completion_detail: "{label}: {done} of {total}{unit} resolved, {percent} (computed)",
    completion_summary: "{done} of {n} items fully resolved",
    n_items: "{n} items",
    legend_hides: " Hidden in the legend ({n}): ",
    highest: "Highest",
    lowest: "lowest",
    none_marked: "none",
    each_reward: "each rewarded {r}",
    contents: "Contents",
    reward: "reward",
    large_text: "Large text",
    display_options: "Display options",
    table_view: "Table view",
    download: "Download",
    download_csv: "Download CSV",
    download_svg: "Download SVG",
    download_png: "Download PNG",
    export_failed: "The file could not be made. Please try again.",
    legend: "Legend: show or hide items",
    all_hidden: "All items are hidden. Choose the items to show in the legend.",
    show_all: "Show all",
    plot_hint: "With the chart focused, use the arrow keys to go through the items; Esc closes the tooltip.",
    sort_hint: "Select a column heading to sort.",
    sorted_by: "Sorted by ",
    sorted: [", ascending", ", descending"],
    pager: "Pages",
    page_first: "First page",
    page_prev: "Previous page",
    page_next: "Next page",
    page_last: "Last page",
    rows_shown: "Rows {from}–{to} of {total}",
    show_all_rows: "Show all {total} rows",
    show_by_page: "Show page by page",
    in_yuan: "In yuan",
    summary_label: "Summary",
    table_of: "Data table",
    colon: ": ",
    paren_open: " (",
    paren_close: ")",
    list_sep: "; ",
    clause_sep: ", ",
    name_sep: ", ",
    sentence_sep: ". ",
    full_stop: ".",
};

/// The interface strings for `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// `template` with each `{name}` of `pairs` replaced by its value, in one pass: a value is
/// never searched again, so a payload text that happens to hold `{total}` stays as written.
/// A `{…}` that names no pair is kept.
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            pairs.iter().find(|(key, _)| *key == name).map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What follows a month chart's key when a star has a reward under it. A function of its own, not
/// a field of [`Ui`]: chart images, made by the on-demand module, need this one string, and the
/// table of every interface string would cost that module 2 KB gzip.
pub fn reward_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；星号下的数字为奖励",
        Lang::En => "; the figure under a star is the reward",
    }
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_each_named_placeholder_once() {
        assert_eq!(fill("{n}项中{done}项全部办结", &[("n", "3"), ("done", "2")]), "3项中2项全部办结");
        assert_eq!(fill("{done} of {n} items, {n} in all", &[("n", "3"), ("done", "2")]), "2 of 3 items, 3 in all");
    }

    #[test]
    fn fill_does_not_search_inside_values() {
        let label = "标签{total}";
        assert_eq!(fill("{label}：共{total}", &[("label", label), ("total", "9")]), "标签{total}：共9");
    }

    #[test]
    fn fill_keeps_unknown_and_unclosed_braces() {
        assert_eq!(fill("{x} {n} {", &[("n", "1")]), "{x} 1 {");
        assert_eq!(fill("{{n}}", &[("n", "1")]), "{1}");
        assert_eq!(fill("没有占位符", &[("n", "1")]), "没有占位符");
    }
}
