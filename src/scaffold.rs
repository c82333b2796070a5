//! New series folders and next issues: the texts of the files `jianbao init`
//! and `jianbao new` write. Reads what it needs; writes nothing.
//!
//! A new series carries the JSON Schemas beside its files, and each file's
//! first line points at them ([`schema::modeline`]), so that an editor
//! completes and checks the YAML without a network; `new` carries that line
//! on.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Failure};
use crate::input::{self, Input, Loaded};
use crate::model::{Date, Kind};
use crate::read::yaml::{PER_ISSUE_KEYS, SERIES_FILE, is_issue_file};
use crate::schema;
use crate::write::yaml::scalar;

/// Today's date in local time.
pub fn today() -> Date {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as libc::time_t);
    // SAFETY: localtime_r / localtime_s write into the `tm` we own; `now` is
    // a valid time_t.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        #[cfg(unix)]
        libc::localtime_r(&now, &mut tm);
        #[cfg(windows)]
        libc::localtime_s(&mut tm, &now);
        tm
    };
    Date::new(tm.tm_year + 1900, (tm.tm_mon + 1) as u32, tm.tm_mday as u32).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// The files of a new series folder: `series.yaml` and a first issue, ready
/// to build, and the schemas their first lines point at.
pub fn init(date: Date) -> Vec<(PathBuf, String)> {
    let series_modeline = schema::modeline(&format!("./{}", schema::SERIES_FILE));
    let series = [
        series_modeline.as_str(),
        "# 系列设置：本文件夹中每一期都继承这些设置，某一期可以单独覆盖其中任何一项。",
        "name: 某某工作简报                 # 简报名称（红色报头）",
        "handling_mark: 内部资料            # 办理标记，不需要可删去",
        "unit: 某某办公室                   # 编发单位",
        "footer:",
        "  report_to: [上级机关]            # 报：一行一个，多行写成列表",
        "  distribute_to: [各有关单位]      # 发：",
        "  registration: 某简字 0001 号     # 登记号",
        "  print_run: 100                   # 共印 N 份",
        "",
    ]
    .join("\n");
    let name = issue_file_name(Kind::Regular, date.year, 1);
    let issue = format!(
        "{}\n# 第 1 期。写好后运行：jianbao build {name}\nnumber: 1\ndate: {date}\ncolumns:\n  - name: 工作交流\n    articles:\n{SKELETON}",
        issue_modeline()
    );
    let mut files = vec![
        (PathBuf::from(SERIES_FILE), series),
        (PathBuf::from(name), issue),
    ];
    files.extend(
        schema::files()
            .into_iter()
            .map(|(file, text)| (PathBuf::from(file), text)),
    );
    files
}

/// The first line of an issue beside its series' schema files.
fn issue_modeline() -> String {
    schema::modeline(&format!("./{}", schema::ISSUE_FILE))
}

/// The schema line a next issue carries: the previous issue's own (the new
/// issue goes into the same folder, so its path holds), else one pointing
/// at the issue schema when the folder has it.
fn schema_line(from: &Loaded) -> Option<String> {
    let own = from
        .text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .find(|line| line.starts_with(schema::MODELINE));
    match own {
        Some(line) => Some(line.trim_end().to_string()),
        None => from
            .folder
            .join(schema::ISSUE_FILE)
            .is_file()
            .then(issue_modeline),
    }
}

/// One article to fill in, indented under `articles:`.
const SKELETON: &str = concat!(
    "      - title: 标题写在这里 短语之间用空格分开\n",
    "        # source: （某某单位供稿）\n",
    "        body:\n",
    "          - 第一段正文写在这里。\n",
    "          # - lead: 段首句写在这里。\n",
    "          #   text: 段落其余文字。\n",
    "          # - heading: 一、一级标题\n",
    "          # - subheading: （一）二级标题\n",
);

/// `2024-10.yaml`, `2024-zk02.yaml` (增刊), `2024-zt01.yaml` (专刊).
pub fn issue_file_name(kind: Kind, year: i32, number: u32) -> String {
    match kind {
        Kind::Regular => format!("{year}-{number:02}.yaml"),
        Kind::Supplement => format!("{year}-zk{number:02}.yaml"),
        Kind::Special => format!("{year}-zt{number:02}.yaml"),
    }
}

/// The issues of a folder (not the series file), read and checked.
pub fn issues_in(dir: &Path) -> Result<Vec<(PathBuf, Loaded)>, Failure> {
    let mut found = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| {
        Diagnostic::error(
            Some(&dir.display().to_string()),
            format!("failed to read the folder ({})", crate::diag::io_reason(&e)),
        )
    })?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_issue_file(&name) {
            // Files that do not read are skipped: `new` copies a good issue.
            if let Ok(loaded) = input::load(&Input::Path(path.clone())) {
                found.push((path, loaded));
            }
        }
    }
    found.sort_by_key(|(path, l)| (l.issue.date, l.issue.number, path.clone()));
    Ok(found)
}

/// The next issue after `from` (of kind `kind`): its file name and text.
/// The number goes up by one (back to 1 in a new year), the cumulative number
/// by one; settings the previous file set itself are carried over, its
/// articles become a skeleton under the same column names.
pub fn next_issue(
    from: &Loaded,
    previous_of_kind: Option<&Loaded>,
    kind: Kind,
    date: Date,
) -> (String, String) {
    let number = match previous_of_kind {
        Some(p) if p.issue.date.year == date.year => p.issue.number.saturating_add(1),
        _ => 1,
    };
    let total = previous_of_kind
        .and_then(|p| p.issue.total_number)
        .map(|n| n.saturating_add(1));
    let name = issue_file_name(kind, date.year, number);
    let mut text = schema_line(from).map(|l| l + "\n").unwrap_or_default();
    text += &format!(
        "# {} {}，由 jianbao new 根据上一期生成。\n",
        kind_label(kind),
        Kind::Regular.issue_label(number)
    );
    text += &carried_settings(&from.text);
    text += &format!("number: {number}\n");
    if let Some(total) = total.filter(|_| kind == Kind::Regular) {
        text += &format!("total_number: {total}\n");
    }
    if kind != Kind::Regular {
        text += &format!(
            "kind: {}\n",
            if kind == Kind::Supplement {
                "supplement"
            } else {
                "special"
            }
        );
    }
    text += &format!("date: {date}\ncolumns:\n");
    for column in &from.issue.columns {
        match &column.name {
            Some(name) => {
                text += &format!("  - name: {}\n    articles:\n", scalar(name.as_str(), 6));
            }
            None => text += "  - articles:\n",
        }
        text += SKELETON;
    }
    (name, text)
}

fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Regular => "常规期",
        Kind::Supplement => "增刊",
        Kind::Special => "专刊",
    }
}

/// The top-level sections of a previous issue's text that are not per-issue
/// (name, unit, footer, style …), verbatim; a per-issue `extra_to` (本期增发)
/// inside the footer is left out.
fn carried_settings(source: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    let mut skipping_extra = false;
    for line in source.trim_start_matches('\u{FEFF}').lines() {
        let top_level = !line.starts_with([' ', '\t', '#'])
            && !line.trim().is_empty()
            && !line.starts_with("---");
        if top_level {
            let key = line.split(':').next().unwrap_or("").trim();
            keep = !PER_ISSUE_KEYS.contains(&key);
            skipping_extra = false;
        }
        if !keep || line.starts_with('#') {
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if indent == 2 && trimmed.starts_with("extra_to:") {
            skipping_extra = true;
            continue;
        }
        if skipping_extra && indent > 2 {
            continue;
        }
        skipping_extra = false;
        out.push_str(line);
        out.push('\n');
    }
    // A section left with nothing under it (a footer that only held extra_to) goes.
    let lines: Vec<&str> = out.lines().collect();
    let mut kept = String::new();
    for (i, line) in lines.iter().enumerate() {
        let empty_section = line.ends_with(':')
            && !line.starts_with(' ')
            && lines.get(i + 1).is_none_or(|next| !next.starts_with(' '));
        if !empty_section {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    kept
}

/// A 公文's file name: `2026-005.yaml` (the year and the serial of its
/// 发文字号), so that a folder lists in number order.
pub fn gongwen_file_name(year: i32, serial: u32) -> String {
    format!("{year}-{serial:03}.yaml")
}

/// The files of a new 公文 folder: `office.yaml`, a first 通知 ready to
/// build, and the schemas their first lines point at.
pub fn init_gongwen(date: Date) -> Vec<(PathBuf, String)> {
    let office = [
        schema::modeline(&format!("./{}", schema::OFFICE_FILE)).as_str(),
        "# 发文机关设置：本文件夹中每一份公文都继承这些设置，某一份公文可以单独覆盖。",
        "organ: 某某市某某局                 # 发文机关全称（署名）",
        "# mark: 某某市某某局文件           # 发文机关标志，默认为全称加“文件”",
        "code: 某发                         # 发文机关代字：number 只写序号时合成“某发〔年份〕序号号”",
        "issuer: 某某市某某局办公室         # 印发机关（版记）",
        "# seal: {image: seal.png, width: 42}  # 印章图片和实际宽度（毫米）；有印章时默认加盖",
        "copy_to: 某某单位，某某单位         # 抄送（版记），某一份公文可以改写",
        "",
    ]
    .join("\n");
    let name = gongwen_file_name(date.year, 1);
    let document = format!(
        "{}\n# 写好后运行：jianbao build {name}\n{}",
        gongwen_modeline(),
        gongwen_skeleton("文件", 1, date)
    );
    let mut files = vec![
        (PathBuf::from(crate::read::gongwen::OFFICE_FILE), office),
        (PathBuf::from(name), document),
    ];
    files.extend(
        schema::gongwen_files()
            .into_iter()
            .map(|(file, text)| (PathBuf::from(file), text)),
    );
    files
}

fn gongwen_modeline() -> String {
    schema::modeline(&format!("./{}", schema::GONGWEN_FILE))
}

/// A document to fill in: format, serial, title, 主送, body, date.
fn gongwen_skeleton(format: &str, serial: u32, date: Date) -> String {
    format!(
        "gongwen: {format}                     # 文件、信函、命令或纪要\n\
         number: {serial}                         # 发文字号的序号（代字和年份来自 office.yaml 和成文日期）\n\
         title: 关于某某事项的通知           # 标题；词组之间可用空格指明换行处\n\
         to: 各有关单位                      # 主送机关\n\
         body:\n  \
           - 第一段正文写在这里。\n  \
           # - heading: 一、一级标题\n  \
           # - heading: （一）二级标题\n  \
           #   level: 2\n\
         # attachments: [{{title: 附件标题, body: [附件正文。]}}]\n\
         date: {date}                     # 成文日期\n"
    )
}

/// The next 公文 of the folder of `latest` (its newest document): the next
/// serial in the date's year (1 in a new year), the same format and schema
/// line, a skeleton to fill in. `serials` are the (year, serial) of the
/// folder's documents.
pub fn next_gongwen(
    latest: &crate::input::LoadedGongwen,
    serials: &[(i32, u32)],
    date: Date,
) -> (String, String) {
    let serial = serials
        .iter()
        .filter(|(year, _)| *year == date.year)
        .map(|(_, s)| *s)
        .max()
        .map_or(1, |s| s.saturating_add(1));
    let own = latest
        .text
        .trim_start_matches('\u{FEFF}')
        .lines()
        .find(|line| line.starts_with(schema::MODELINE))
        .map(|l| l.trim_end().to_string());
    let line = own.or_else(|| {
        latest
            .folder
            .join(schema::GONGWEN_FILE)
            .is_file()
            .then(gongwen_modeline)
    });
    let mut text = line.map(|l| l + "\n").unwrap_or_default();
    text += "# 由 jianbao new 根据上一份公文生成。\n";
    text += &gongwen_skeleton(latest.gongwen.format.name(), serial, date);
    (gongwen_file_name(date.year, serial), text)
}

/// A 公文 of a folder with the (year, serial) of its number, if it has one.
pub type Numbered = (crate::input::LoadedGongwen, Option<(i32, u32)>);

/// The 公文 of a folder, read and checked, oldest first.
pub fn gongwen_in(dir: &Path) -> Result<Vec<Numbered>, Failure> {
    use crate::model::gongwen::DocNumber;
    let entries = fs::read_dir(dir).map_err(|e| {
        Diagnostic::error(
            Some(&dir.display().to_string()),
            format!("failed to read the folder ({})", crate::diag::io_reason(&e)),
        )
    })?;
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_issue_file(&name) {
            continue;
        }
        // Files that do not read are skipped: `new` starts from a good one.
        if let Ok(input::Document::Gongwen(loaded)) =
            input::load_document(&Input::Path(entry.path()))
        {
            let serial = match loaded.gongwen.number {
                Some(DocNumber::Coded { year, serial, .. }) => Some((year, serial)),
                Some(DocNumber::Order(n)) => Some((loaded.gongwen.date.year, n)),
                _ => None,
            };
            found.push((loaded, serial));
        }
    }
    found.sort_by(|a, b| {
        (a.0.gongwen.date, a.1, &a.0.name).cmp(&(b.0.gongwen.date, b.1, &b.0.name))
    });
    Ok(found)
}
