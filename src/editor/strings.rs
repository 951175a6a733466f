//! The editor's interface text, in Chinese and English (payload text is never translated).

use super::mapping::Field;
use crate::model::{Lang, SectionKind};

/// Every fixed string of the editor page, in one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    pub lang: Lang,
    /// Between a name and what follows (“第3项：综合指数”, “Item 3: …”).
    pub sep: &'static str,
    pub app_title: &'static str,
    pub app_lead: &'static str,
    pub start_group: &'static str,
    pub new_empty: &'static str,
    pub new_example: &'static str,
    pub open_json: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub ui_language: &'static str,
    pub saved_here: &'static str,
    pub not_saved: &'static str,
    pub other_tab: &'static str,
    pub unsaved_changes: &'static str,
    pub discard: &'static str,
    /// The restore notice's own discard button: named apart from the header's, which a Tab
    /// reaches next with the same name.
    pub discard_restored: &'static str,
    pub discarded: &'static str,
    /// The question a discard asks first, and its two answers.
    pub discard_question: &'static str,
    pub discard_confirm: &'static str,
    pub keep_work: &'static str,
    pub replace_with_empty: &'static str,
    pub replace_with_example: &'static str,
    pub replace_with_file: &'static str,
    pub replace_question: &'static str,
    pub replace_confirm: &'static str,
    pub kind_question: &'static str,
    pub kind_confirm: &'static str,
    pub kind_keep: &'static str,
    pub kind_changed: &'static str,
    pub restored: &'static str,
    pub opened: &'static str,
    /// Steps as an undo or redo names them: `{what}` is a place, `{name}` a file's name.
    pub step_open: &'static str,
    pub step_add: &'static str,
    pub step_remove: &'static str,
    pub step_up: &'static str,
    pub step_down: &'static str,
    pub step_import: &'static str,
    /// After a move: `{step}` the step, `{now}` where the entry is now.
    pub moved: &'static str,
    pub started_empty: &'static str,
    pub removed: &'static str,
    /// A long list's pager: which entries are shown, and the way to the others.
    pub list_page: &'static str,
    pub list_prev: &'static str,
    pub list_next: &'static str,
    /// After a group's removal: how many ranks still name it.
    pub group_still_used: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub loaded_example: &'static str,
    pub example_unreadable: &'static str,
    pub replaced_undo: &'static str,
    pub dismiss: &'static str,
    pub open_failed: &'static str,
    pub open_failed_lead: &'static str,
    pub open_anyway: &'static str,
    pub open_in_json: &'static str,
    pub opened_in_json: &'static str,
    pub draft_in_the_way: &'static str,
    pub keep_current: &'static str,
    pub edit_region: &'static str,
    /// The skip links' name (shown when one is focused).
    pub skip_to: &'static str,
    /// The side column's name: checks, preview and output.
    pub side_region: &'static str,
    pub tab_form: &'static str,
    pub tab_json: &'static str,
    pub json_label: &'static str,
    pub json_help: &'static str,
    pub json_broken: &'static str,
    pub json_broken_form: &'static str,
    pub go_to_json: &'static str,
    pub drop_json: &'static str,
    pub meta: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    pub date: &'static str,
    pub date_hint: &'static str,
    pub period: &'static str,
    pub note: &'static str,
    pub source_url: &'static str,
    pub synthetic: &'static str,
    /// The folds of a metric's rarely used fields (their summaries).
    pub more_change: &'static str,
    pub more_metric: &'static str,
    /// After a closed fold's summary when a field inside has a value.
    pub fold_filled: &'static str,
    /// Under an id that a later entry uses again; `{place}` is that entry.
    pub id_also_at: &'static str,
    /// Under the synthetic tick: what the widget then says; `{notice}` is its notice.
    pub synthetic_help: &'static str,
    pub groups: &'static str,
    pub groups_help: &'static str,
    pub group: &'static str,
    /// A ranking's `row_heading`, and what it is for.
    pub row_heading: &'static str,
    pub row_heading_hint: &'static str,
    pub group_label_hint: &'static str,
    /// A ranking's `value_heading`, and what it is for.
    pub value_heading: &'static str,
    pub value_heading_hint: &'static str,
    pub group_size: &'static str,
    pub add_group: &'static str,
    pub sections: &'static str,
    pub section: &'static str,
    pub add_section: &'static str,
    pub new_section_kind: &'static str,
    pub kind: &'static str,
    pub id: &'static str,
    pub intro: &'static str,
    pub label: &'static str,
    pub value: &'static str,
    pub unit: &'static str,
    pub qualifier: &'static str,
    pub none: &'static str,
    pub direction: &'static str,
    pub direction_hint: &'static str,
    pub change: &'static str,
    pub change_value: &'static str,
    pub change_kind: &'static str,
    pub choose_kind: &'static str,
    pub change_basis: &'static str,
    pub change_unit: &'static str,
    pub change_unit_hint: &'static str,
    pub bounds_min: &'static str,
    pub bounds_max: &'static str,
    pub ranks: &'static str,
    pub rank: &'static str,
    pub position: &'static str,
    pub rank_basis: &'static str,
    pub add_rank: &'static str,
    pub source: &'static str,
    pub resolved: &'static str,
    pub item: &'static str,
    pub add_item: &'static str,
    pub row: &'static str,
    pub add_row: &'static str,
    pub row_metric: &'static str,
    pub row_own: &'static str,
    pub value_rank: &'static str,
    pub change_rank: &'static str,
    pub year: &'static str,
    pub marked_label: &'static str,
    pub month: &'static str,
    pub marked_month: &'static str,
    pub add_month: &'static str,
    pub reward: &'static str,
    pub reward_unit: &'static str,
    pub highlight: &'static str,
    pub text: &'static str,
    pub paragraph: &'static str,
    pub add_paragraph: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    pub remove: &'static str,
    pub lang_zh: &'static str,
    pub lang_en: &'static str,
    pub required: &'static str,
    pub empty_list: &'static str,
    pub problems: &'static str,
    pub no_problems: &'static str,
    /// Under the checks' heading: the keys that go from problem to problem.
    pub problem_keys: &'static str,
    /// F8 past the last problem, Shift+F8 before the first.
    pub wrapped_to_first: &'static str,
    pub wrapped_to_last: &'static str,
    /// After the keys while there are errors: some warnings come only once they are fixed.
    pub warnings_after_errors: &'static str,
    pub no_problems_short: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub json_line: &'static str,
    pub checking: &'static str,
    pub preview: &'static str,
    pub preview_language: &'static str,
    pub preview_not_page_zh: &'static str,
    pub preview_not_page_en: &'static str,
    pub preview_theme: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub preview_stale: &'static str,
    pub preview_waiting: &'static str,
    pub go_first_error: &'static str,
    pub output: &'static str,
    pub file_name: &'static str,
    pub download: &'static str,
    pub downloaded: &'static str,
    pub has_errors_export: &'static str,
    pub snippet: &'static str,
    pub snippet_inline: &'static str,
    pub snippet_file: &'static str,
    pub payload_id: &'static str,
    pub payload_url: &'static str,
    pub payload_url_help: &'static str,
    pub widget_base: &'static str,
    pub widget_base_help: &'static str,
    pub base_local_path: &'static str,
    pub base_file_url: &'static str,
    pub base_no_scheme: &'static str,
    pub base_bad_scheme: &'static str,
    pub needs_server: &'static str,
    pub snippet_lang: &'static str,
    /// With `{n}`: texts the English view shows in Chinese.
    pub untranslated: &'static str,
    pub go_untranslated: &'static str,
    pub snippet_theme: &'static str,
    pub theme_system: &'static str,
    pub copy: &'static str,
    pub prerender: &'static str,
    pub prerender_help: &'static str,
    pub prerender_inline_only: &'static str,
    /// The name of the choice between the data inside the page and in a file.
    pub snippet_place: &'static str,
    pub prerendering: &'static str,
    pub prerendered_ready: &'static str,
    pub prerender_needs_valid: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub snippet_text: &'static str,
    pub import: &'static str,
    pub import_title: &'static str,
    pub paste_here: &'static str,
    pub paste_help: &'static str,
    pub choose_csv: &'static str,
    pub encoding: &'static str,
    pub encoding_auto: &'static str,
    pub read_as: &'static str,
    pub decode_errors: &'static str,
    pub workbook: &'static str,
    pub set_aside: &'static str,
    pub restore_pasted: &'static str,
    pub import_set_aside_back: &'static str,
    pub import_reopened: &'static str,
    pub import_closed_redone: &'static str,
    pub table_to_import: &'static str,
    pub table_not_here: &'static str,
    pub header_row: &'static str,
    pub mapping: &'static str,
    pub column: &'static str,
    pub result: &'static str,
    pub replace_rows: &'static str,
    pub append_rows: &'static str,
    /// Where the section already has entries: how many, and what applying does to them.
    pub import_existing: &'static str,
    pub replace_effect: &'static str,
    pub append_effect: &'static str,
    pub applied_replaced: &'static str,
    pub import_not_kept: &'static str,
    pub import_restored: &'static str,
    pub import_file_not_kept: &'static str,
    /// The browser refused to keep the pasted table (storage full or turned off).
    pub import_not_stored: &'static str,
    /// An undo or redo (`{action}`) removed the section of the open import box.
    pub import_closed: &'static str,
    /// What `import_closed` names when an edit of the JSON removed the section.
    pub json_edit: &'static str,
    pub apply: &'static str,
    pub cancel: &'static str,
    pub applied: &'static str,
    /// After rows were added below the ones already there.
    pub applied_appended: &'static str,
    pub no_table: &'static str,
    pub note_qualifier: &'static str,
    pub note_unit: &'static str,
    pub note_units: &'static str,
    pub note_unit_on_some: &'static str,
    pub note_nan: &'static str,
    pub note_decimal_comma: &'static str,
    pub note_unit_conflict: &'static str,
    pub note_qualifier_dropped: &'static str,
    pub note_not_a_count: &'static str,
    pub note_not_a_rank: &'static str,
    pub note_tie: &'static str,
    pub note_no_figure: &'static str,
    pub set_aside_not_kept: &'static str,
    pub note_rank_beyond_group: &'static str,
    pub note_kept_english: &'static str,
    pub note_kept_metrics: &'static str,
    pub note_metrics_restated: &'static str,
    pub note_metrics_dropped: &'static str,
    pub note_metrics_referenced: &'static str,
    pub name_list_sep: &'static str,
    pub note_header_unit: &'static str,
    pub note_total_row: &'static str,
    pub note_average_row: &'static str,
    pub note_change_kind: &'static str,
    pub note_change_not_read: &'static str,
    pub note_title_line: &'static str,
    pub note_row_heading: &'static str,
    pub note_value_heading: &'static str,
    pub note_heading_kept: &'static str,
    pub note_heading_kept_added: &'static str,
    /// After an import that also set the first column's heading.
    pub applied_heading: &'static str,
    /// After an import that also set the value column's heading.
    pub applied_value_heading: &'static str,
    pub note_column_not_imported: &'static str,
    pub crashed: &'static str,
    pub loading: &'static str,
    pub before_unload: &'static str,
}

impl Strings {
    /// A section type in a select: in English with the payload's name beside it (for the JSON
    /// view); the Chinese interface keeps to words.
    pub fn kind_option(&self, name: &str, kind: SectionKind) -> String {
        match self.lang {
            Lang::Zh => self.kind(kind).to_string(),
            Lang::En => format!("{} ({name})", self.kind(kind)),
        }
    }

    pub fn kind(&self, kind: SectionKind) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match kind {
            SectionKind::Metrics => {
                if zh {
                    "指标卡片"
                } else {
                    "Key figures"
                }
            }
            SectionKind::Ranking => {
                if zh {
                    "排名表"
                } else {
                    "Ranking"
                }
            }
            SectionKind::CaseStats => {
                if zh {
                    "案件统计"
                } else {
                    "Case statistics"
                }
            }
            SectionKind::Calendar => {
                if zh {
                    "月份"
                } else {
                    "Months"
                }
            }
            SectionKind::Highlights => {
                if zh {
                    "工作亮点"
                } else {
                    "Highlights"
                }
            }
            SectionKind::Narrative => {
                if zh {
                    "文字段落"
                } else {
                    "Narrative"
                }
            }
        }
    }

    /// A qualifier as the form's select names it: the report's words in Chinese; in English
    /// also the Chinese word and the payload's name, for the JSON view.
    pub fn qualifier_name(&self, name: &str) -> &'static str {
        if self.lang == Lang::Zh {
            return crate::format::figure::qualifier_words_zh(name).unwrap_or("");
        }
        crate::format::figure::qualifier_words_en(name).unwrap_or("")
    }

    pub fn direction_name(&self, name: &str) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match name {
            "higher_is_better" => {
                if zh {
                    "越高越好"
                } else {
                    "higher is better"
                }
            }
            "lower_is_better" => {
                if zh {
                    "越低越好"
                } else {
                    "lower is better"
                }
            }
            _ => {
                if zh {
                    "中性（默认）"
                } else {
                    "neutral (default)"
                }
            }
        }
    }

    pub fn change_kind_name(&self, name: &str) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match name {
            "percent" => {
                if zh {
                    "百分比 %（相对）"
                } else {
                    "percent (relative)"
                }
            }
            "points" => {
                if zh {
                    "百分点"
                } else {
                    "percentage points"
                }
            }
            "absolute" => {
                if zh {
                    "绝对值（同单位）"
                } else {
                    "absolute (same unit)"
                }
            }
            _ => {
                if zh {
                    "无变化数据"
                } else {
                    "no change given"
                }
            }
        }
    }

    pub fn rank_basis_name(&self, name: &str) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match name {
            "change" => {
                if zh {
                    "按改善幅度"
                } else {
                    "by improvement"
                }
            }
            _ => {
                if zh {
                    "按数值（默认）"
                } else {
                    "by value (default)"
                }
            }
        }
    }

    pub fn field(&self, field: Field) -> &'static str {
        let zh = self.lang == Lang::Zh;
        match field {
            Field::Ignore => {
                if zh {
                    "（不导入）"
                } else {
                    "(skip)"
                }
            }
            Field::Id => "id",
            Field::Label => {
                if zh {
                    "名称（中文）"
                } else {
                    "Label (Chinese)"
                }
            }
            Field::LabelEn => {
                if zh {
                    "名称（英文）"
                } else {
                    "Label (English)"
                }
            }
            Field::Value => {
                if zh {
                    "数值"
                } else {
                    "Value"
                }
            }
            Field::Unit => {
                if zh {
                    "单位（中文）"
                } else {
                    "Unit (Chinese)"
                }
            }
            Field::UnitEn => {
                if zh {
                    "单位（英文）"
                } else {
                    "Unit (English)"
                }
            }
            Field::Qualifier => {
                if zh {
                    "限定词"
                } else {
                    "Qualifier"
                }
            }
            Field::Resolved => {
                if zh {
                    "已办结"
                } else {
                    "Resolved"
                }
            }
            Field::Note => {
                if zh {
                    "备注"
                } else {
                    "Note"
                }
            }
            Field::Source => {
                if zh {
                    "原文"
                } else {
                    "Source sentence"
                }
            }
            Field::Metric => {
                if zh {
                    "引用指标 id"
                } else {
                    "Metric id"
                }
            }
            Field::ValueRank => {
                if zh {
                    "数值排名"
                } else {
                    "Rank by value"
                }
            }
            Field::ChangeRank => {
                if zh {
                    "改善幅度排名"
                } else {
                    "Rank by improvement"
                }
            }
            Field::Change => self.change,
        }
    }

    /// A field name of the payload, as a readable word (for problem locations).
    pub fn field_word(&self, key: &str) -> String {
        let zh = self.lang == Lang::Zh;
        let word = match key {
            "title" => self.title,
            "publisher" => self.publisher,
            "date" => self.date,
            "period" => self.period,
            "note" => self.note,
            "source_url" => self.source_url,
            "label" => self.label,
            "value" => self.value,
            "unit" => self.unit,
            "qualifier" => self.qualifier,
            "direction" => self.direction,
            "change" => self.change,
            "kind" => self.kind,
            "basis" => self.change_basis,
            // As the fold that holds them says.
            "bounds" => {
                if zh {
                    "上下限"
                } else {
                    "bounds"
                }
            }
            "min" => self.bounds_min,
            "max" => self.bounds_max,
            "source" => self.source,
            "synthetic" => self.synthetic,
            "resolved" => self.resolved,
            "group" => self.group,
            "row_heading" => self.row_heading,
            "value_heading" => self.value_heading,
            "position" => self.position,
            "size" => self.group_size,
            "value_rank" => self.value_rank,
            "change_rank" => self.change_rank,
            "year" => self.year,
            "month" => self.month,
            "reward" => self.reward,
            "intro" => self.intro,
            "text" => self.text,
            "metric" => self.row_metric,
            "zh" => self.lang_zh,
            "en" => self.lang_en,
            "sections" => self.sections,
            "groups" => self.groups,
            "items" | "rows" | "paragraphs" | "marked" => {
                if zh {
                    "内容"
                } else {
                    "entries"
                }
            }
            other => return other.to_string(),
        };
        word.to_string()
    }

    /// "第3行" / "Row 3": an entry of a section's list, in the words problems are placed with
    /// (`validate::place::step`, which the on-demand module and the tool use too).
    pub fn list_word(&self, list: &str, index: usize) -> String {
        match list {
            "items" | "rows" | "marked" | "ranks" | "paragraphs" => self.step(list, index),
            other => format!("{other}[{}]", index + 1),
        }
    }

    /// A step of a place in this interface's language.
    fn step(&self, list: &str, index: usize) -> String {
        let (zh, en) = crate::validate::place::step(list, index + 1);
        if self.lang == Lang::Zh {
            zh
        } else {
            en
        }
    }

    /// How many errors and warnings: "错误 3 · 提醒 0", "3 errors · 1 warning".
    pub fn counts(&self, errors: usize, warnings: usize) -> String {
        match self.lang {
            Lang::Zh => format!("{} {errors} · {} {warnings}", self.error, self.warning),
            Lang::En => {
                let s = |n: usize| if n == 1 { "" } else { "s" };
                format!("{errors} error{} · {warnings} warning{}", s(errors), s(warnings))
            }
        }
    }

    /// Two sentences one after the other: Chinese puts no space after its full stop.
    pub fn then(&self, first: &str, next: &str) -> String {
        // A first notice that ends without a stop ("已撤销：导入表格到第6节…") gets one.
        let ended = first.is_empty() || first.ends_with(['。', '！', '？', '.', '!', '?', '）', ')']);
        match (self.lang, ended) {
            (Lang::Zh, true) => format!("{first}{next}"),
            (Lang::Zh, false) => format!("{first}。{next}"),
            (Lang::En, true) => format!("{first} {next}"),
            (Lang::En, false) => format!("{first}. {next}"),
        }
    }

    pub fn section_word(&self, index: usize) -> String {
        self.step("sections", index)
    }

    pub fn group_word(&self, index: usize) -> String {
        self.step("groups", index)
    }
}

const ZH: Strings = Strings {
    lang: Lang::Zh,
    sep: "：",
    app_title: "报告数据编辑器",
    app_lead: "把报告里的数字整理成组件数据（report-widget/1），边改边预览、边检查；全部在本机浏览器中完成，不上传任何内容。",
    start_group: "开始",
    new_empty: "新建空白报告",
    new_example: "载入{name}",
    open_json: "打开 .json 文件…",
    undo: "撤销",
    redo: "重做",
    ui_language: "界面语言",
    saved_here: "已自动保存在此浏览器",
    not_saved: "此浏览器不允许本地保存：请记得下载数据文件",
    other_tab: "编辑器也在另一个标签页中打开：此浏览器只保留最后保存的一份，请下载本页的报告以免丢失。",
    unsaved_changes: "有尚未下载的修改",
    discard: "放弃已保存的工作",
    discard_restored: "不要恢复的内容，重新开始",
    discarded: "已放弃保存的工作，并换成空白报告。需要时可点“撤销”找回。",
    discard_question: "确认放弃？当前报告将换成空白报告，此浏览器中保存的工作也会清除。",
    discard_confirm: "确认放弃",
    keep_work: "保留工作",
    replace_with_empty: "新建空白报告会替换当前报告。",
    replace_with_example: "载入示例会替换当前报告。",
    replace_with_file: "打开的文件会替换当前报告。",
    replace_question: "{what}当前报告有尚未下载的修改：替换后只能在本页用“撤销”找回，刷新或关闭页面后就找不回了。要替换吗？",
    replace_confirm: "替换",
    kind_question: "改为“{kind}”会删除本节现有的 {n} 项内容（这种类型用不上）。要改吗？改后可以用“撤销”找回。",
    kind_confirm: "改类型",
    kind_keep: "不改",
    kind_changed: "本节已改为“{kind}”，删除了 {n} 项内容；用“撤销”可以找回。",
    restored: "已恢复上次自动保存的工作（{time}）。",
    opened: "已打开“{name}”。",
    step_open: "打开“{name}”",
    step_add: "添加{what}",
    step_remove: "删除{what}",
    step_up: "上移{what}",
    step_down: "下移{what}",
    step_import: "导入表格到{what}",
    moved: "已{step}，现为{now}。",
    started_empty: "已新建空白报告。",
    removed: "已删除{what}。需要时可点“撤销”（Ctrl+Z）找回。",
    list_page: "第 {from}–{to} 条，共 {n} 条",
    list_prev: "上一页",
    list_next: "下一页",
    group_still_used: "仍有 {n} 处排名指向这个分组（检查结果中已列出）：可以撤销，或为它们改选分组。",
    undone: "已撤销",
    redone: "已重做",
    loaded_example: "已载入{name}。",
    example_unreadable: "无法载入{name}：页面中的示例数据不是有效的 JSON。",
    replaced_undo: "原来的内容可以用“撤销”找回。",
    dismiss: "知道了",
    open_failed: "“{name}”有问题，当前的工作没有被替换。",
    open_failed_lead: "文件中发现以下问题：",
    open_anyway: "仍然打开并在编辑器中修正",
    open_in_json: "在 JSON 页中打开并修正",
    opened_in_json: "文件的文字已放入 JSON 页，尚未应用：修正标出的错误后即取代当前报告（可以用“撤销”找回）；在此之前表单仍是当前报告。",
    draft_in_the_way: "JSON 页中还有尚未应用的文字（有错误）：请先修正或放弃它，再打开这个文件。",
    keep_current: "保留当前工作",
    edit_region: "编辑",
    skip_to: "跳到",
    side_region: "检查、预览与嵌入",
    tab_form: "表单",
    tab_json: "JSON",
    json_label: "报告数据（JSON 文本，可直接编辑）",
    json_help: "这里的修改与表单同步；格式有误时不会生效，问题列表会指出行号。",
    json_broken: "JSON 文本第 {line} 行有语法错误，修改尚未生效：{message}",
    json_broken_form: "JSON 视图中有尚未生效的修改（有语法错误）。在表单中编辑会放弃那些修改。",
    go_to_json: "去 JSON 视图修正",
    drop_json: "放弃 JSON 修改",
    meta: "报告信息",
    title: "标题",
    publisher: "发布单位",
    date: "成文日期",
    date_hint: "报告落款的日期，格式 YYYY-MM-DD，例如 2022-03-03",
    period: "报告期",
    note: "备注",
    source_url: "原文链接",
    synthetic: "生成的测试或基准数据（不是真实报告）",
    more_change: "比较基准、差值的单位",
    more_metric: "上下限、备注",
    fold_filled: "已填写",
    id_also_at: "{place}也用了这个 id：id 不能重复，请改掉其中一个",
    synthetic_help: "真实报告不要勾选。勾选后，组件在报告标题下注明：“{notice}”",
    groups: "排名分组",
    groups_help: "排名所在的范围，例如“五区”共 5 个成员。排名和排名表要引用这里的 id。",
    group: "分组",
    row_heading: "首列标题",
    row_heading_hint: "表格第一列的标题，不填则为“指标”。各行是县区、站点等而不是指标时填写，例如“县区”。",
    group_label_hint: "中文如“五区”，显示为“五区第1名”。英文写复数名词，不写数目：“districts”显示为“1st of 5 districts”（写成“five districts”会显示为“1st of 5 five districts”）。",
    value_heading: "数值列标题",
    value_heading_hint: "数值一列的标题，不填则为“数值”。各行是同一种数值时填写，例如“合格率”；单位写在各行的数值里，不写在标题里。",
    group_size: "成员数",
    add_group: "添加分组",
    sections: "章节",
    section: "章节",
    add_section: "添加章节",
    new_section_kind: "新章节的类型",
    kind: "类型",
    id: "id（唯一标识）",
    intro: "导语",
    label: "名称",
    value: "数值",
    unit: "单位",
    qualifier: "限定词",
    none: "（无）",
    direction: "方向",
    direction_hint: "选“越高越好”或“越低越好”，报告会据此评价变化：用颜色，并写出“情况好转”“情况变差”这样的话。报告原文没有这样评价时，请保留“中性”",
    change: "同比变化",
    change_value: "变化值（带正负号）",
    change_kind: "变化的类型",
    choose_kind: "（请选择）",
    change_basis: "比较基准（默认“同比”）",
    change_unit: "差值的单位",
    change_unit_hint: "仅用于“绝对值”变化，不填则用数值的单位。变化为 1 时，英文写单数（如 day），英文版才不会显示“up 1 days”。",
    bounds_min: "下限",
    bounds_max: "上限",
    ranks: "排名",
    rank: "排名",
    position: "名次",
    rank_basis: "排名依据",
    add_rank: "添加排名",
    source: "原文句子",
    resolved: "已办结",
    item: "项",
    add_item: "添加一项",
    row: "行",
    add_row: "添加一行",
    row_metric: "引用指标",
    row_own: "（不引用：本行自填）",
    value_rank: "数值排名",
    change_rank: "改善幅度排名",
    year: "年份",
    marked_label: "标记的含义",
    month: "月份（1–12）",
    marked_month: "标记月份",
    add_month: "添加月份",
    reward: "奖励金额",
    reward_unit: "奖励单位",
    highlight: "亮点",
    text: "内容",
    paragraph: "段落",
    add_paragraph: "添加段落",
    move_up: "上移",
    move_down: "下移",
    remove: "删除",
    lang_zh: "中文",
    lang_en: "English",
    required: "必填",
    empty_list: "还没有内容。",
    problems: "检查结果",
    no_problems: "没有问题：这份数据可以发布。",
    wrapped_to_first: "已回到第一个问题。",
    wrapped_to_last: "已回到最后一个问题。",
    problem_keys: "在表单中按 F8 转到下一个问题，Shift+F8 转到上一个。",
    warnings_after_errors: "错误全部改正后，还会检查提醒。",
    no_problems_short: "没有问题",
    error: "错误",
    warning: "提醒",
    json_line: "JSON 第 {line} 行",
    checking: "正在检查…",
    preview: "预览",
    preview_language: "预览语言",
    preview_not_page_zh: "只是预览：网页上的组件按“嵌入代码”中的组件语言显示，现为中文。",
    preview_not_page_en: "只是预览：网页上的组件按“嵌入代码”中的组件语言显示，现为英文。",
    preview_theme: "配色",
    theme_light: "浅色",
    theme_dark: "深色",
    preview_stale: "当前数据有错误，嵌入后组件会显示问题列表；这里显示的是最后一个没有错误的版本。",
    preview_waiting: "数据还有 {n} 个错误，改正后这里显示报告的预览（嵌入后组件也要等改正后才显示报告）。",
    go_first_error: "转到第一个错误",
    output: "下载与嵌入代码",
    file_name: "文件名",
    download: "下载 .json 数据文件",
    downloaded: "已下载“{name}”。",
    has_errors_export: "数据还有 {n} 个错误：嵌入后组件会显示问题列表而不是报告。",
    snippet: "嵌入代码",
    snippet_inline: "数据写在页面里",
    snippet_file: "数据放在单独的文件（data-src）",
    payload_id: "页面中存放数据的元素 id（同一页面放多个报告时，每个各不相同）",
    payload_url: "数据文件的网址（与页面同源）",
    payload_url_help: "不以 /、http:// 或 https:// 开头的地址从嵌入代码所在的网页算起，不是从组件文件夹：网页在子文件夹（如 /xxgk/2024/）时，reports/report.json 指的是 /xxgk/2024/reports/report.json。文章页分布在不同文件夹时，请写从网站根开始的地址，如 /static/reports/report.json。",
    widget_base: "组件文件夹的网址（report-widget.js 所在处）",
    widget_base_help: "开始时是本编辑器所在的文件夹：编辑器与组件文件同在构建出的 dist 文件夹中。把组件放在门户的其他位置时请改成那里的网址；改过的网址下次打开时仍在。组件放在另一个网站（另一个域名或端口）时，那个网站须允许跨域访问（CORS）。",
    base_local_path: "这是电脑上的路径，不是网址：网页无法从这里加载组件。请填组件文件上传到门户后的网址，如 /static/rw/ 或 https://www.example.gov.cn/static/rw/",
    base_file_url: "file: 开头的地址只在这台电脑上有效：门户的读者无法加载。请填组件文件在门户上的网址，如 /static/rw/",
    base_no_scheme: "网址缺少开头的 https:// 或 http://：网页会把它当作自己下面的文件夹，加载不到组件。请在前面加上 https://，或改写成以 / 开头的站内地址",
    base_bad_scheme: "网址的开头应为 https:// 或 http://（英文冒号和两个斜杠）：现在的写法浏览器读不出是哪个网站",
    needs_server: "组件要从网站上打开（网址以 http:// 或 https:// 开头）才能运行。在本机直接双击打开的网页（file://）中它不能运行：没有预渲染的报告在那里是一片空白；预渲染的报告能读，但不能排序、展开。",
    snippet_lang: "组件语言",
    untranslated: "有 {n} 处文字没有英文，英文版会显示中文（并为读屏软件标明是中文）。在表单中填写它们标着“English”的一栏即可。",
    go_untranslated: "转到第一处",
    snippet_theme: "组件配色",
    theme_system: "跟随读者的系统设置（默认）",
    copy: "复制嵌入代码",
    prerender: "预渲染：组件代码加载之前（或无法运行时）报告内容已经可读",
    snippet_place: "数据放在哪里",
    prerender_inline_only: "预渲染只用于数据放在页面中的嵌入代码：数据放在单独的文件时，组件从文件读到数据后才显示报告。",
    prerender_help: "嵌入代码中直接包含渲染好的报告（与命令行 report-widget prerender 相同），读者立即看到数字，搜索引擎和打印也能读到。",
    prerendering: "正在渲染…",
    prerendered_ready: "预渲染的嵌入代码已生成，可以复制。",
    prerender_needs_valid: "数据还有错误，修正后才能生成预渲染代码。",
    copied: "嵌入代码已复制。",
    copy_failed: "无法直接复制：代码已选中，请按 Ctrl+C。",
    snippet_text: "嵌入代码（只读）",
    import: "粘贴表格或导入 CSV…",
    import_title: "从表格填入",
    paste_here: "在此粘贴从 Excel / WPS 复制的表格（Ctrl+V）",
    paste_help: "也可以选择 .csv 文件。下面先显示各列的对应关系和结果，点“应用”后才会修改。",
    choose_csv: "选择 CSV 文件…",
    encoding: "文件编码",
    encoding_auto: "自动识别",
    read_as: "按 {enc} 读取“{name}”",
    decode_errors: "有无法识别的字符（显示为 �），请换一种编码试试。",
    table_to_import: "粘贴的是表格（有多列），已放进本节的“从表格填入”：请核对各列对应的字段，再点“应用”。",
    table_not_here: "粘贴的是表格（有多列），没有填入：这里只填一项文字。表格可以粘贴到指标卡片、排名或案件统计一节的“从表格填入”。",
    workbook: "“{name}”是 Excel / WPS 工作簿，不是 CSV 文本，无法直接读取：请在表格软件中选中数据、复制后粘贴到上面的框里，或“另存为”CSV 后再选择。",
    set_aside: "框中先前的内容已暂存。",
    restore_pasted: "换回先前的内容",
    import_set_aside_back: "选择文件前粘贴在框中的内容已放回。",
    import_reopened: "“从表格填入”已重新打开，表格和各列的选择仍在其中。",
    import_closed_redone: "“从表格填入”已关闭：表格的内容已重新填入本节。",
    header_row: "第一行是表头",
    mapping: "各列对应的字段",
    column: "第 {n} 列",
    result: "将得到 {n} 条：",
    replace_rows: "替换现有内容",
    append_rows: "追加到现有内容之后",
    import_existing: "本节已有 {n} 条，表格中的内容：",
    replace_effect: "应用后，现有的 {n} 条将被删除，换成表格中的 {m} 条（可以用“撤销”找回）。",
    append_effect: "应用后，现有的 {n} 条保留，表格中的 {m} 条排在其后，共 {total} 条。",
    applied_replaced: "已从表格填入 {n} 条，替换了原有的 {old} 条。需要时可点“撤销”找回。",
    import_not_kept: "这段表格超过 2 MB，重新加载页面后不会保留。",
    import_restored: "粘贴框中尚未应用的表格也已恢复。",
    import_file_not_kept: "重新加载前在“从表格填入”中选择的文件“{name}”没有应用，也没有保留（浏览器不保存选择的文件）：导入框已重新打开，请再选择一次。",
    import_not_stored: "此浏览器未能保存粘贴的表格，刷新页面前请先应用。",
    import_closed: "“{action}”后，表格导入所属的节已不存在，导入框已关闭，其中的表格没有应用。",
    json_edit: "编辑 JSON",
    apply: "应用",
    cancel: "取消",
    applied: "已从表格填入 {n} 条。",
    applied_appended: "已从表格填入 {n} 条，加在原有的 {old} 条之后，现共 {total} 条。",
    no_table: "还没有表格内容。",
    note_qualifier: "第 {row} 行“{cell}”：数值按 {value} 记，限定词“{q}”",
    note_unit: "第 {row} 行“{cell}”：单位“{unit}”",
    note_units: "第 {rows} 行（{n} 行）：单位“{unit}”，如“{cell}”",
    note_unit_on_some: "第 {row} 行“{cell}”：单位“{unit}”，而另有 {n} 行没有单位，请核对",
    note_nan: "第 {row} 行“{cell}”不是数字，原样保留，请修正",
    note_decimal_comma: "第 {row} 行“{cell}”不是数字，原样保留；若是 {reading}（小数点写成了逗号），请改为 {reading}",
    note_unit_conflict: "第 {row} 行“{cell}”的单位与单位列不同，按单位列记为“{unit}”，请核对",
    note_qualifier_dropped: "第 {row} 行“{cell}”：排名表的数值不能带限定词，按 {value} 记；请核对这一行是否适合放进排名",
    note_not_a_count: "第 {row} 行“{cell}”：已办结数应是确切的件数（不带“余”“%”等），原样保留，请修正",
    note_tie: "第 {row} 行“{cell}”：并列，名次记为 {rank}",
    note_no_figure: "第 {row} 行“{cell}”：没有数值，这一行不填数值。若“{cell}”是“没有”（数量为零），请填 0；若报告没有给出这个数字，排名表的行可以不填，指标和案件统计的项请删去",
    set_aside_not_kept: "暂存的内容与框中的表格合计超过 2 MB，重新加载页面后暂存的内容不会保留。",
    note_not_a_rank: "第 {row} 行“{cell}”不是名次（名次是 1、2、3… 或“第1名”），原样保留；请核对这一栏是否应选为排名",
    note_rank_beyond_group: "第 {row} 行“{column}”{rank}：名次应在 1 到 {size} 之间（本节分组共 {size} 个）；请核对名次，或分组的成员数",
    note_kept_english: "保留已填写的英文 {n} 处：这些名称、单位、说明或出处的中文与替换前相同",
    note_kept_metrics: "{n} 项与原有指标同名：保留它们的 id（排名表按 id 引用指标）和描述指标的内容（方向、英文、上下限、备注、变化的比较基准），数值、限定词和同比变化一律以表格为准",
    note_metrics_restated: "{n} 项的数值、限定词或变化与原来不同，原有的排名和原文摘录是关于旧数字的，没有保留：请按新报告在表单中填写（{names}）",
    note_metrics_dropped: "替换后，表格中没有的 {n} 项原有指标将被删除：{names}。",
    note_metrics_referenced: "其中 {names} 被排名表引用，引用将失效：若只是改了名称，请把表格中的名称改得与原来一致",
    name_list_sep: "、",
    note_header_unit: "表头“{header}”：没有自己单位的行，单位按“{unit}”记",
    applied_heading: "首列标题已设为“{header}”。",
    applied_value_heading: "数值列标题已设为“{header}”。",
    note_row_heading: "表头“{header}”：应用后，表格第一列的标题（首列标题）将设为“{header}”",
    note_value_heading: "表头“{header}”：应用后，数值一列的标题（数值列标题）将设为“{heading}”",
    note_heading_kept: "表头“{header}”：数值列标题仍是已填写的“{kept}”。如果这张表的数值不是“{kept}”，请在应用后改写数值列标题",
    note_heading_kept_added: "表头“{header}”：这张表的数值与原有各行的“{kept}”是否同一种？不是则不宜加在同一张表中",
    note_total_row: "第 {row} 行“{cell}”是合计行，未导入：各项之和不是单独一项，图表会把它画成与各项并列的一条；如确需导入，请在表格中改写它的名称",
    note_change_kind: "第 {row} 行“{cell}”：变化没有单位，看不出是百分比、百分点还是数量；请在表单中为它选择“变化的类型”",
    note_change_not_read: "第 {row} 行“{cell}”：看不出是上升还是下降（或没有数字），变化未导入；请在表单中填写",
    note_average_row: "第 {row} 行“{cell}”是平均值行，未导入：平均值不是表中的一员，也不是单独一项；如确需导入，请在表格中改写它的名称",
    note_title_line: "表格上方的标题行“{cell}”未导入：表头是它下面的一行",
    note_column_not_imported: "“{column}”一栏未导入：它没有对应的一项，其中的内容不会进入数据；如有合适的一项，请在上面为它选择",
    crashed: "编辑器出错了。您的工作已自动保存在此浏览器中：请重新加载页面。",
    loading: "正在加载编辑器…",
    before_unload: "有尚未下载的修改",
};

const EN: Strings = Strings {
    lang: Lang::En,
    sep: ": ",
    app_title: "Report data editor",
    app_lead: "Turn a report's figures into widget data (report-widget/1), with a live preview and checks as you type. Everything stays in this browser; nothing is uploaded.",
    start_group: "Start",
    new_empty: "New empty report",
    new_example: "Load {name}",
    open_json: "Open a .json file…",
    undo: "Undo",
    redo: "Redo",
    ui_language: "Interface language",
    saved_here: "Saved in this browser",
    not_saved: "This browser does not allow local saving: remember to download the data file",
    other_tab: "The editor is open in another tab too: this browser keeps only the last one saved, so download this page's report to keep it.",
    unsaved_changes: "Changes not downloaded yet",
    discard: "Discard saved work",
    discard_restored: "Start over without the restored work",
    discarded: "The saved work was discarded and replaced by an empty report. Undo brings it back.",
    discard_question: "Discard? The report becomes an empty one, and the work saved in this browser is cleared.",
    discard_confirm: "Yes, discard",
    keep_work: "Keep my work",
    replace_with_empty: "A new, empty report would replace the current one.",
    replace_with_example: "The example would replace the current report.",
    replace_with_file: "The opened file would replace the current report.",
    replace_question: "{what} The current report has changes you have not downloaded: once it is replaced, only Undo on this page brings them back, not after a reload or after closing the page. Replace it?",
    replace_confirm: "Replace",
    kind_question: "Changing to “{kind}” removes {n} of this section's entries or fields (that type has no place for them). Change it? Undo brings them back.",
    kind_confirm: "Change the type",
    kind_keep: "Keep the type",
    kind_changed: "The section is now “{kind}”, without {n} of its entries or fields. Undo brings them back.",
    restored: "Your work saved automatically at {time} was restored.",
    opened: "Opened “{name}”.",
    step_open: "opening “{name}”",
    step_add: "adding {what}",
    step_remove: "removing {what}",
    step_up: "moving {what} up",
    step_down: "moving {what} down",
    step_import: "importing a table into {what}",
    moved: "Done: {step}; it is now {now}.",
    started_empty: "Started a new, empty report.",
    removed: "Removed {what}. Undo (Ctrl+Z) brings it back.",
    list_page: "Entries {from}–{to} of {n}",
    list_prev: "Previous page",
    list_next: "Next page",
    group_still_used: " Ranks that still name this group: {n} (listed in the checks). Undo, or choose another group for them.",
    undone: "Undone",
    redone: "Redone",
    loaded_example: "Loaded {name}.",
    example_unreadable: "Could not load {name}: the page's example is not valid JSON.",
    replaced_undo: "Undo brings back what was there before.",
    dismiss: "OK",
    open_failed: "“{name}” has problems; your current work was not replaced.",
    open_failed_lead: "The file has these problems:",
    open_anyway: "Open it anyway and fix it here",
    open_in_json: "Open it in the JSON tab to fix it",
    opened_in_json: "The file's text is in the JSON tab, not applied yet: once the error marked there is fixed, it replaces the current report (Undo brings that back); until then the form shows the current report.",
    draft_in_the_way: "The JSON tab holds text not applied yet (it has an error): fix or discard it first, then open this file.",
    keep_current: "Keep the current work",
    edit_region: "Edit",
    skip_to: "Skip to",
    side_region: "Checks, preview and embedding",
    tab_form: "Form",
    tab_json: "JSON",
    json_label: "Report data (JSON text, editable)",
    json_help: "Changes here and in the form stay in sync; text with a syntax error is not applied, and the problem list gives its line.",
    json_broken: "The JSON text has a syntax error at line {line}; changes are not applied yet: {message}",
    json_broken_form: "The JSON view has changes that are not applied (syntax error). Editing the form discards them.",
    go_to_json: "Fix it in the JSON view",
    drop_json: "Discard the JSON changes",
    meta: "About the report",
    title: "Title",
    publisher: "Publisher",
    date: "Date of the report",
    date_hint: "The date the report is signed with, written YYYY-MM-DD, e.g. 2022-03-03",
    period: "Period",
    note: "Note",
    source_url: "Link to the original",
    synthetic: "Generated test or benchmark data (not a real report)",
    more_change: "Compared with, unit of the change",
    more_metric: "Bounds, note",
    fold_filled: "filled in",
    id_also_at: "{place} uses this id too: ids must differ; change one of them",
    synthetic_help: "Leave it unticked for a real report. Ticked, the widget says under the report's title: \"{notice}\"",
    groups: "Rank groups",
    groups_help: "Where ranks are counted, e.g. the city's five districts (五区), 5 members. Ranks and ranking tables refer to these ids.",
    group: "Group",
    row_heading: "First column heading",
    row_heading_hint: "The heading of the table's first column; “Indicator” when empty. Fill it in when the rows are counties, sites or the like rather than indicators, e.g. “County”.",
    group_label_hint: "In Chinese, e.g. “五区”, shown as “五区第1名”. In English, a plural noun without the number: “districts” is shown as “1st of 5 districts” (“five districts” would read “1st of 5 five districts”).",
    value_heading: "Value column heading",
    value_heading_hint: "The heading of the value column; “Value” when empty. Fill it in when every row's value is the same kind of figure, e.g. “Pass rate”; the unit goes with each row's value, not in the heading.",
    group_size: "Members",
    add_group: "Add a group",
    sections: "Sections",
    section: "Section",
    add_section: "Add a section",
    new_section_kind: "Kind of the new section",
    kind: "Kind",
    id: "id (unique)",
    intro: "Introduction",
    label: "Label",
    value: "Value",
    unit: "Unit",
    qualifier: "Qualifier",
    none: "(none)",
    direction: "Direction",
    direction_hint: "With “higher is better” or “lower is better”, the report judges the change: in colour, and in words such as “情况好转” (better) or “情况变差” (worse). Where the report itself makes no such judgement, keep “neutral”",
    change: "Year-on-year change",
    change_value: "Change (signed)",
    change_kind: "Kind of change",
    choose_kind: "(choose one)",
    change_basis: "Compared with (default: year on year)",
    change_unit: "Unit of the difference",
    change_unit_hint: "Only for an \"absolute\" change; left empty, the figure's unit is used. After a change of 1, write the English singular (e.g. day), so that the English does not read \"up 1 days\".",
    bounds_min: "Minimum",
    bounds_max: "Maximum",
    ranks: "Ranks",
    rank: "Rank",
    position: "Position",
    rank_basis: "Ranked by",
    add_rank: "Add a rank",
    source: "Source sentence",
    resolved: "Resolved",
    item: "Item",
    add_item: "Add an item",
    row: "Row",
    add_row: "Add a row",
    row_metric: "Metric",
    row_own: "(none: the row's own figures)",
    value_rank: "Rank by value",
    change_rank: "Rank by improvement",
    year: "Year",
    marked_label: "What a marked month means",
    month: "Month (1–12)",
    marked_month: "Marked month",
    add_month: "Add a month",
    reward: "Reward",
    reward_unit: "Reward unit",
    highlight: "Highlight",
    text: "Text",
    paragraph: "Paragraph",
    add_paragraph: "Add a paragraph",
    move_up: "Move up",
    move_down: "Move down",
    remove: "Remove",
    lang_zh: "Chinese",
    lang_en: "English",
    required: "required",
    empty_list: "Nothing here yet.",
    problems: "Checks",
    no_problems: "No problems: this data is ready to publish.",
    wrapped_to_first: "Back to the first problem.",
    wrapped_to_last: "Back to the last problem.",
    problem_keys: "In the form, F8 goes to the next problem and Shift+F8 to the previous one. ",
    warnings_after_errors: "Once every error is fixed, the warnings are checked too.",
    no_problems_short: "no problems",
    error: "Error",
    warning: "Warning",
    json_line: "JSON line {line}",
    checking: "Checking…",
    preview: "Preview",
    preview_language: "Preview language",
    preview_not_page_zh: "The preview only: on the web page the widget shows the widget language chosen under the embed snippet, now Chinese.",
    preview_not_page_en: "The preview only: on the web page the widget shows the widget language chosen under the embed snippet, now English.",
    preview_theme: "Colours",
    theme_light: "Light",
    theme_dark: "Dark",
    preview_stale: "The data has errors: embedded, the widget would list them. This shows the last version without errors.",
    preview_waiting: "The data still has {n} errors: the report's preview shows here once they are fixed (embedded, the widget too shows the report only then).",
    go_first_error: "Go to the first error",
    output: "Download and embed",
    file_name: "File name",
    download: "Download the .json data file",
    downloaded: "Downloaded “{name}”.",
    has_errors_export: "The data still has {n} error(s): embedded, the widget shows the list of problems instead of the report.",
    snippet: "Embed snippet",
    snippet_inline: "Data inside the page",
    snippet_file: "Data in a separate file (data-src)",
    payload_id: "Id of the element that holds the data (different for each report on the same page)",
    payload_url: "URL of the data file (same site as the page)",
    payload_url_help: "An address that does not start with /, http:// or https:// is resolved relative to the page the snippet is on, not to the widget's folder: on a page in a subfolder (such as /xxgk/2024/), reports/report.json means /xxgk/2024/reports/report.json. For article pages in different folders, write an address from the site's root, such as /static/reports/report.json.",
    widget_base: "URL of the widget folder (where report-widget.js is)",
    widget_base_help: "It starts as the folder this editor is served from: the editor and the widget's files are built into the same dist folder. Where the portal keeps the widget elsewhere, write that address; it is kept for your next visit. Where the widget is on another site (another domain or port), that site must allow cross-origin requests (CORS).",
    base_local_path: "This is a path on this computer, not a web address: no page can load the widget from it. Write the address of the widget's files on the portal, such as /static/rw/ or https://www.example.gov.cn/static/rw/",
    base_file_url: "A file: address works on this computer only: the portal's readers cannot load from it. Write the address of the widget's files on the portal, such as /static/rw/",
    base_no_scheme: "The address does not start with https:// or http://: the page reads it as a folder under its own address and loads nothing. Put https:// in front, or write an address on the site starting with /",
    base_bad_scheme: "The address should start with https:// or http:// (an ASCII colon and two slashes): as written, the browser cannot tell which site it is",
    needs_server: "The widget runs only on a page opened from a web site (an address starting with http:// or https://). On a page opened from disk (file://) it cannot run: a report without prerendering is blank there; a prerendered one reads, but does not sort or expand.",
    snippet_lang: "Widget language",
    untranslated: "{n} texts have no English: the English view shows them in Chinese (marked as Chinese for screen readers). Fill in their fields marked “English” in the form.",
    go_untranslated: "Go to the first",
    snippet_theme: "Widget colours",
    theme_system: "The reader's system setting (default)",
    copy: "Copy the embed snippet",
    prerender: "Prerendered: the report is readable before (or without) the widget's code",
    snippet_place: "Where the data goes",
    prerender_inline_only: "Prerendering is for the snippet with the data inside the page: with the data in a separate file, the widget shows the report once it has read the file.",
    prerender_help: "The snippet carries the rendered report (as the command-line report-widget prerender writes it): readers see the figures at once, and so do search engines and printers.",
    prerendering: "Rendering…",
    prerendered_ready: "The prerendered snippet is ready to copy.",
    prerender_needs_valid: "The data has errors: fix them to get a prerendered snippet.",
    copied: "The embed snippet was copied.",
    copy_failed: "Could not copy directly: the snippet is selected, press Ctrl+C.",
    snippet_text: "Embed snippet (read-only)",
    import: "Paste a table or import a CSV…",
    import_title: "Fill from a table",
    paste_here: "Paste a table copied from Excel or WPS here (Ctrl+V)",
    paste_help: "Or choose a .csv file. How the columns map and what they become is shown first; nothing changes until you apply it.",
    choose_csv: "Choose a CSV file…",
    encoding: "File encoding",
    encoding_auto: "Detect",
    read_as: "“{name}” read as {enc}",
    decode_errors: "Some characters could not be read (shown as �): try another encoding.",
    table_to_import: "What you pasted is a table (several columns): it is in this section's table import; check which field each column becomes, then apply it.",
    table_not_here: "What you pasted is a table (several columns) and was not filled in: this field takes one text. A table can be pasted into the table import of a metrics, ranking or case-statistics section.",
    workbook: "“{name}” is an Excel / WPS workbook, not CSV text, and cannot be read here: select the data in the spreadsheet, copy it and paste it into the box above, or save it as CSV and choose that file.",
    set_aside: "The box's earlier text is kept aside.",
    restore_pasted: "Switch back to the earlier text",
    import_set_aside_back: "The text pasted in the box before the file was chosen is back in it.",
    import_reopened: "“Fill from a table” is open again, with the table and the columns' choices in it.",
    import_closed_redone: "“Fill from a table” is closed: its table is in the section again.",
    header_row: "The first row is a header",
    mapping: "What each column is",
    column: "Column {n}",
    result: "This makes {n} entries:",
    replace_rows: "Replace what is there",
    append_rows: "Add after what is there",
    import_existing: "This section already has {n} entries. The table's entries:",
    replace_effect: "Applying removes the {n} entries there now and puts the table's {m} in their place (Undo brings them back).",
    append_effect: "Applying keeps the {n} entries there now and adds the table's {m} after them: {total} in all.",
    applied_replaced: "Filled {n} entries from the table, in place of the {old} that were there. Undo brings them back.",
    import_not_kept: "This table is over 2 MB: it will not be kept if the page is reloaded.",
    import_restored: "The table pasted but not applied yet is back in its import box.",
    import_file_not_kept: "The file “{name}” chosen in “Fill from a table” before the reload was not applied, and it was not kept (browsers do not keep chosen files): its import box is open again; please choose the file once more.",
    import_not_stored: "This browser could not keep the pasted table; apply it before reloading the page.",
    import_closed: "After “{action}”, the section of the open table import no longer exists: the import box was closed, its table not applied.",
    json_edit: "editing the JSON",
    apply: "Apply",
    cancel: "Cancel",
    applied: "Filled {n} entries from the table.",
    applied_appended: "Filled {n} entries from the table, after the {old} that were there: {total} in all.",
    no_table: "No table yet.",
    note_qualifier: "Line {row} “{cell}”: value {value}, qualifier “{q}”",
    note_unit: "Line {row} “{cell}”: unit “{unit}”",
    note_units: "Lines {rows} ({n} lines): unit “{unit}”, as in “{cell}”",
    note_unit_on_some: "Line {row} “{cell}”: unit “{unit}”, while {n} other rows have no unit; please check",
    note_nan: "Line {row} “{cell}” is not a number; kept as written, please fix it",
    note_decimal_comma: "Line {row} “{cell}” is not a number; kept as written. If it is {reading} (a comma for the decimal point), write {reading}",
    note_unit_conflict: "Line {row} “{cell}”: its unit differs from the unit column's; “{unit}” is used, please check",
    note_qualifier_dropped: "Line {row} “{cell}”: a ranking's values cannot carry a qualifier; imported as {value}, please check that this row belongs in a ranking",
    note_not_a_count: "Line {row} “{cell}”: the resolved figure must be an exact count (no “more than”, no “%”); kept as written, please fix it",
    note_tie: "Line {row} “{cell}”: a tie, ranked {rank}",
    note_no_figure: "Line {row} “{cell}”: no figure, so the row gets no value. If “{cell}” means none (zero), enter 0; if the report gives no figure, a ranking row may stay without one, and a metric or case item is to be removed",
    set_aside_not_kept: "The text kept aside and the table in the box are over 2 MB together: the text kept aside will not be kept if the page is reloaded.",
    note_not_a_rank: "Line {row} “{cell}” is not a place (a place is 1, 2, 3… or “第1名”); kept as written, please check that this column is a rank",
    note_rank_beyond_group: "Line {row}, {column} {rank}: a place must be from 1 to {size} (this section's group has {size}); check the place, or the group's size",
    note_kept_english: "Kept the English already given in {n} places: names, units, notes or sources whose Chinese is unchanged",
    note_kept_metrics: "{n} rows have the name of a figure already there: they keep its id (rankings refer to figures by id) and what describes the indicator (direction, English, bounds, notes, the change's basis); the value, hedge and change are the table's",
    note_metrics_restated: "{n} figures have another value, hedge or change than before: their old ranks and quoted source sentence were about the old figure and are not kept; give them in the form from the new report ({names})",
    note_metrics_dropped: "Replacing removes the {n} figures the table does not name: {names}. ",
    note_metrics_referenced: "Rankings refer to {names}, and would name nothing: if only the name changed, write it in the table as before",
    name_list_sep: ", ",
    note_header_unit: "Header “{header}”: rows without a unit of their own get the unit “{unit}”",
    applied_heading: " The first column heading is now “{header}”.",
    applied_value_heading: " The value column heading is now “{header}”.",
    note_row_heading: "Header “{header}”: once applied, the table's first column heading will be set to “{header}”",
    note_value_heading: "Header “{header}”: once applied, the value column's heading will be set to “{heading}”",
    note_heading_kept: "Header “{header}”: the value column heading stays “{kept}”, as given. If this table's values are not “{kept}”, change the heading once applied",
    note_heading_kept_added: "Header “{header}”: are this table's values the same kind of figure as the rows' “{kept}” already there? If not, they do not belong in the same table",
    note_total_row: "Line {row} “{cell}” is a total row and is not imported: a sum is not an item of its own, and a chart would draw it as one more bar beside its parts; to import it anyway, rename it in the table",
    note_change_kind: "Line {row} “{cell}”: the change has no unit, so whether it is per cent, percentage points or an amount is unclear; choose its kind in the form",
    note_change_not_read: "Line {row} “{cell}”: it does not say up or down (or has no figure), so the change is not imported; write it in the form",
    note_average_row: "Line {row} “{cell}” is an average row and is not imported: an average is no member of the table and no item of its own; to import it anyway, rename it in the table",
    note_title_line: "The title line above the table, “{cell}”, is not imported: the header is the line below it",
    note_column_not_imported: "Column “{column}” is not imported: it matches nothing, so what its cells say stays out of the data; if a field fits, choose it above",
    crashed: "The editor failed. Your work is saved in this browser: reload the page.",
    loading: "Loading the editor…",
    before_unload: "There are changes not downloaded yet",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
