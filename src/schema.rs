//! JSON Schema (draft-07) of the issue and series files, for editors: VS
//! Code's YAML extension gives completion and hover help from it. Every field
//! is described in Chinese, with its enums and an example.
//!
//! The schema checks shape; the reader also checks what a schema cannot say
//! (a date that is not in the calendar, a key that belongs in the issue file).
//! `bulletin.schema.json` and `series.schema.json` in the repository are
//! these values, kept current by a test; `jianbao init` writes the same two
//! files beside a new series (and `jianbao schema --write DIR` refreshes
//! them), so that the YAML files' [`modeline`] finds them offline.

use serde_json::{Value, json};

/// The file of the issue schema beside a series.
pub const ISSUE_FILE: &str = "bulletin.schema.json";

/// The file of the series schema beside a series.
pub const SERIES_FILE: &str = "series.schema.json";

/// How a YAML file names its schema for VS Code's YAML extension
/// (yaml-language-server); the path is relative to the YAML file.
pub const MODELINE: &str = "# yaml-language-server: $schema=";

/// The comment line pointing a YAML file at the schema at `path`.
pub fn modeline(path: &str) -> String {
    format!("{MODELINE}{path}")
}

/// The schema files to write beside a series: (file name, text).
pub fn files() -> [(&'static str, String); 2] {
    [
        (ISSUE_FILE, file_text(&issue())),
        (SERIES_FILE, file_text(&series())),
    ]
}

/// The schema files to write beside an office file: (file name, text).
pub fn gongwen_files() -> [(&'static str, String); 2] {
    [
        (GONGWEN_FILE, file_text(&gongwen())),
        (OFFICE_FILE, file_text(&office())),
    ]
}

/// A schema as its file holds it: indented JSON and a final newline.
pub fn file_text(schema: &Value) -> String {
    serde_json::to_string_pretty(schema).unwrap_or_default() + "\n"
}

/// The schema of an issue file.
pub fn issue() -> Value {
    schema(
        "简报一期的 YAML 源文件（jianbao）",
        properties(true),
        json!(["number", "date"]),
        true,
    )
}

/// The schema of a series file (`series.yaml`): the settings every issue of
/// the folder inherits.
pub fn series() -> Value {
    schema(
        "简报系列设置 series.yaml（jianbao）：同一文件夹中各期共用的设置",
        properties(false),
        json!([]),
        false,
    )
}

/// A date as the readers take it: 2026-12-05, 2026/12/5, 2026年12月5日.
const DATE_PATTERN: &str = r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*$";

/// The file of the 公文 schema beside an office file.
pub const GONGWEN_FILE: &str = "gongwen.schema.json";

/// The file of the office schema beside an office file.
pub const OFFICE_FILE: &str = "office.schema.json";

/// The schema of a 公文 file.
pub fn gongwen() -> Value {
    let mut root = schema(
        "公文的 YAML 源文件（jianbao，GB/T 9704-2012）",
        gongwen_properties(true),
        json!(["gongwen", "date"]),
        false,
    );
    // Every format but an order needs a title.
    root["if"] = json!({"properties": {"gongwen": {"const": "命令"}}, "required": ["gongwen"]});
    root["else"] = json!({"required": ["title"]});
    root
}

/// The schema of an office file (`office.yaml`): what every 公文 of the
/// folder inherits.
pub fn office() -> Value {
    schema(
        "发文机关设置 office.yaml（jianbao）：同一文件夹中各公文共用的设置",
        gongwen_properties(false),
        json!([]),
        false,
    )
}

fn gongwen_properties(document: bool) -> Value {
    let seal = json!({
        "description": "印章图片（PNG 或 SVG，放在公文所在文件夹），按实际尺寸（毫米）印出。",
        "type": "object",
        "additionalProperties": false,
        "required": ["image"],
        "properties": {
            "image": text("印章图片的路径（相对于公文文件）。", "seal.png"),
            "width": {"type": "number", "exclusiveMinimum": 0, "maximum": 156, "default": 42, "description": "印章的实际宽度，毫米。"},
        },
    });
    let mut p = json!({
        "gongwen": {"description": "公文格式：文件、信函、命令、纪要。", "enum": ["文件", "信函", "命令", "纪要"], "default": "文件"},
        "organ": text("发文机关全称（署名）。", "青山市住房和城乡建设局"),
        "mark": text("发文机关标志，如“青山市住房和城乡建设局文件”；纪要写“……纪要”，命令写“……令”。", "青山市住房和城乡建设局文件"),
        "code": text("发文机关代字：number 只写序号时，与成文日期的年份合成发文字号。", "青建发"),
        "issuer": text("印发机关，印在版记。", "青山市住房和城乡建设局办公室"),
        "seal": seal,
        "sealed": {"type": "boolean", "description": "加盖印章（有印章图片时默认加盖）。"},
        "signed_by": text("命令：签发人职务全称，印在签名章左侧。", "市长"),
        "copy_to": text("抄送机关，印在版记，末尾句号自动加上。", "市委办公室，市政府办公室"),
        "style": {
            "type": "object",
            "additionalProperties": false,
            "description": "版式参数（实践做法）。",
            "properties": {
                "record_on_even_page": {"type": "boolean", "default": true, "description": "版记排在偶数页（双面印刷）。"},
                "no_body_page": {"type": "boolean", "default": false, "description": "署名单独成页时印“（此页无正文）”。"},
                "separator": {"type": "number", "exclusiveMinimum": 0, "maximum": 200, "default": 1, "description": "红色分隔线粗细，磅。"},
                "mark_size": {"type": "number", "exclusiveMinimum": 0, "maximum": 200, "default": 42, "description": "发文机关标志字号，磅；过长时压窄。"},
                "heading_bold": {"type": "array", "items": {"enum": [1, 2, 3, 4]}, "description": "加粗的标题层次。"},
                "page_numbers": {"type": "boolean", "default": true, "description": "印页码。"},
            },
        },
    });
    if document {
        let extra = json!({
            "joint": {
                "description": "联合行文的其他机关（主办机关为 organ）。",
                "type": "array",
                "items": {
                    "type": "object", "additionalProperties": false, "required": ["organ"],
                    "properties": {"organ": {"$ref": "#/definitions/text"}, "mark": {"$ref": "#/definitions/text"}, "seal": seal},
                },
            },
            "copy_number": {"type": "integer", "minimum": 1, "maximum": 999999, "description": "份号，印作 6 位数字。"},
            "secrecy": {"type": "string", "pattern": "^(绝密|机密|秘密)(★\\d.*)?$", "description": "密级和保密期限，如“机密★1年”。"},
            "urgency": {"enum": ["特急", "加急"], "description": "紧急程度。"},
            "number": {
                "description": "发文字号：青建发〔2026〕5号；命令写“第12号”；只写序号时由 code 和年份合成。",
                "oneOf": [{"type": "integer", "minimum": 1}, {"type": "string", "minLength": 1}],
                "examples": ["青建发〔2026〕5号", 5],
            },
            "signers": {"type": "array", "items": {"$ref": "#/definitions/text"}, "description": "签发人（上行文），按机关顺序。"},
            "title": text("标题（二号小标宋，居中）；词组之间可用空格指明换行处。", "关于做好冬季施工安全工作的通知"),
            "to": text("主送机关，末尾冒号自动加上。", "各区县住房和城乡建设局"),
            "body": {"type": "array", "items": {"$ref": "#/definitions/block"}, "description": "正文：段落、标题（heading/level）和表格。"},
            "attachments": {
                "type": "array",
                "description": "附件：列入附件说明；有 body 的附件另页印在正文之后。",
                "items": {
                    "type": "object", "additionalProperties": false, "required": ["title"],
                    "properties": {
                        "title": {"$ref": "#/definitions/text"},
                        "body": {"type": "array", "items": {"$ref": "#/definitions/block"}},
                    },
                },
            },
            "attachment_note": {"type": "array", "items": {"$ref": "#/definitions/text"}, "description": "附件说明（导入时保留），须与 attachments 的件数和标题一致。"},
            "date": {
                "description": "成文日期，写作 2026-12-05；印出为“2026年12月5日”。",
                "type": "string",
                "pattern": DATE_PATTERN,
            },
            "note": text("附注，印在括号内。", "此件公开发布"),
            "attendance": {
                "type": "object", "additionalProperties": false, "description": "纪要：出席、请假、列席。",
                "properties": {
                    "present": {"$ref": "#/definitions/text"},
                    "absent": {"$ref": "#/definitions/text"},
                    "attending": {"$ref": "#/definitions/text"},
                },
            },
            "issued": {"type": "string", "description": "印发日期（默认同成文日期）。"},
            "to_in_record": {"type": "boolean", "description": "主送机关移到版记。"},
        });
        for (key, value) in extra.as_object().expect("an object") {
            p[key] = value.clone();
        }
    }
    p
}

fn schema(title: &str, properties: Value, required: Value, issue: bool) -> Value {
    let mut root = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "required": required,
        "definitions": definitions(),
    });
    if issue {
        // Articles come under `columns`, or directly under `articles`; not both.
        root["oneOf"] = json!([
            {"required": ["columns"], "not": {"required": ["articles"]}},
            {"required": ["articles"], "not": {"required": ["columns"]}}
        ]);
    }
    root
}

fn text(description: &str, example: &str) -> Value {
    json!({"$ref": "#/definitions/text", "description": description, "examples": [example]})
}

fn properties(issue: bool) -> Value {
    let mut p = json!({
        "name": text("简报名称：报头上的红色大字。", "江苏精神文明建设简报"),
        "handling_mark": text("密级或办理标记，印在版心左上角（黑体），如“内部资料”“工作资料 注意保存”“秘密”。", "工作资料 注意保存"),
        "copy_number": text("份号，印在办理标记上方。", "000123"),
        "unit": text("编发单位，印在期号下方左侧。", "江苏省文明办"),
        "footer": {"$ref": "#/definitions/footer"},
        "style": {"$ref": "#/definitions/style"},
    });
    if issue {
        let extra = json!({
            "kind": {
                "description": "期别：regular 常规期（默认）、supplement 增刊、special 专刊。增刊、专刊单独编号。",
                "enum": ["regular", "supplement", "special", "常规", "增刊", "专刊"],
                "default": "regular",
            },
            "number": {"$ref": "#/definitions/count", "description": "期号：第 N 期（按年度编号；增刊、专刊单独编号）。", "examples": [14]},
            "total_number": {"$ref": "#/definitions/count", "description": "总期号：（总第 N 期），可不填。", "examples": [233]},
            "date": {
                "description": "印发日期，写作 2023-07-21 或 2023 年 7 月 21 日；印出为“2023 年 7 月 21 日”。",
                "type": "string",
                "pattern": DATE_PATTERN,
                "examples": ["2023-07-21"],
            },
            "editor_note": text("编者按：印在文章之前（楷体，“编者按：”为黑体）。", "今年以来，……"),
            "columns": {
                "description": "栏目（如【工作交流】）及其文章。没有栏目时改用 articles。",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/definitions/column"},
            },
            "articles": {
                "description": "不分栏目时的文章列表（与 columns 二选一）。",
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/definitions/article"},
            },
        });
        for (key, value) in extra.as_object().expect("an object") {
            p[key] = value.clone();
        }
    }
    p
}

fn definitions() -> Value {
    json!({
        "text": {"type": "string", "minLength": 1, "pattern": "\\S"},
        "count": {"type": "integer", "minimum": 1},
        "lines": {
            "description": "一行写一个单位；多行时写成列表，续行印在冒号之后对齐。",
            "oneOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"$ref": "#/definitions/text"}},
                {"type": "null"}
            ],
        },
        "column": {
            "type": "object",
            "additionalProperties": false,
            "required": ["articles"],
            "properties": {
                "name": text("栏目名称，印为【工作交流】；可不填。", "工作交流"),
                "articles": {"type": "array", "items": {"$ref": "#/definitions/article"}, "description": "本栏目的文章。"},
            },
        },
        "article": {
            "type": "object",
            "additionalProperties": false,
            "required": ["title", "body"],
            "properties": {
                "title": text("文章标题：二号小标宋居中；多行时只在短语之间的空格处换行。", "某市：突出需求导向 健全长效机制"),
                "subtitle": text("副标题（楷体），印在标题下。", "——某市推进文明城市建设纪实"),
                "source": text("来源，如（某市文明办供稿），印在标题下（楷体）。", "（某市文明办供稿）"),
                "body": {
                    "description": "正文：一段文字直接写成一项；带段首句、标题或图片时写成键值。",
                    "type": "array",
                    "items": {"$ref": "#/definitions/block"},
                },
            },
        },
        "block": {
            "oneOf": [
                {"type": "string", "minLength": 1, "pattern": "\\S", "description": "一个段落（首行缩进两字）。"},
                {
                    "type": "object",
                    "description": "带段首句的段落：lead 为段首句（楷体），text 为其余文字。",
                    "additionalProperties": false,
                    "properties": {
                        "lead": text("段首句：段落开头的概括句，另用楷体印。", "坚持高位推动，优化机制精准发力。"),
                        "text": text("段落其余文字。", "围绕……"),
                    },
                    "anyOf": [{"required": ["text"]}, {"required": ["lead"]}],
                },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["heading"],
                    "properties": {
                        "heading": text("标题，连同序号写出：一级“一、”（黑体），二级“（一）”（楷体），三级“1.”、四级“（1）”（仿宋）。", "一、主要做法"),
                        "level": {"type": "integer", "minimum": 1, "maximum": 4, "default": 1, "description": "标题层次：1 一、，2 （一），3 1.，4 （1）；默认 1。"},
                    },
                },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["subheading"],
                    "properties": {"subheading": text("二级标题（楷体），连同序号写出；同 heading 加 level: 2。", "（一）健全组织体系")},
                },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["table"],
                    "properties": {"table": {"$ref": "#/definitions/table"}},
                },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["photo"],
                    "properties": {
                        "photo": text("图片文件，路径相对于本期文件所在文件夹。", "images/site.jpg"),
                        "caption": text("图注（楷体，居中印在图下）。", "志愿者在社区开展活动"),
                        "width": {"type": "number", "exclusiveMinimum": 0, "maximum": 1, "description": "图片宽度占版心宽度的比例，默认 1。"},
                    },
                },
            ],
        },
        "cell": {
            "description": "单元格：写出文字（数字照写；空格写作 \"\"），合并单元格写成 {text: 合计, colspan: 2}。",
            "oneOf": [
                {"type": ["string", "number", "boolean", "null"]},
                {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                        "text": {"type": ["string", "number", "boolean", "null"], "description": "单元格文字。"},
                        "colspan": {"$ref": "#/definitions/count", "description": "横向合并的列数，默认 1。"},
                        "rowspan": {"$ref": "#/definitions/count", "description": "纵向合并的行数，默认 1。"},
                    },
                },
            ],
        },
        "row": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/cell"}, "description": "一行：单元格列表。"},
        "table": {
            "description": "表格：表题（可选）、表头行、各行；每行的单元格数（计入合并）相同。",
            "type": "object",
            "additionalProperties": false,
            "required": ["rows"],
            "properties": {
                "caption": text("表题，居中印在表格上方（黑体）。", "表1 各街道改造进度"),
                "header": {
                    "description": "表头：一行（单元格列表）或多行（行的列表）；表格跨页时在每页顶端重复。",
                    "oneOf": [{"$ref": "#/definitions/row"}, {"type": "array", "items": {"$ref": "#/definitions/row"}}],
                },
                "rows": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/row"}, "description": "表体各行。"},
                "widths": {
                    "description": "各列宽度（毫米）或 auto（自动，默认）；合计不超过版心宽 156 毫米。",
                    "type": "array",
                    "items": {"oneOf": [{"type": "number", "exclusiveMinimum": 0}, {"const": "auto"}]},
                },
                "align": {
                    "description": "各列对齐：left 左、center 居中（默认）、right 右。",
                    "type": "array",
                    "items": {"enum": ["left", "center", "right", "左", "中", "右"]},
                },
            },
        },
        "footer": {
            "description": "报尾：印在末页下端两条横线之间。系列设置中的报尾各项可在某一期中单独覆盖。",
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "report_to": {"$ref": "#/definitions/lines", "description": "报：上级机关。", "examples": [["中央文明办", "省文明委主任、副主任、委员"]]},
                "copy_to": {"$ref": "#/definitions/lines", "description": "送：同级机关。"},
                "distribute_to": {"$ref": "#/definitions/lines", "description": "发：下级单位。", "examples": ["各设区市文明办"]},
                "extra_to": {"$ref": "#/definitions/lines", "description": "本期增发：仅本期增加的发送单位。"},
                "registration": text("登记号，如“苏简字 1004 号”。", "苏简字 1004 号"),
                "print_run": {"$ref": "#/definitions/count", "description": "印数：共印 N 份。", "examples": [400]},
                "editor": text("责任编辑。", "王晓"),
                "approver": text("签发人。", "陈立新"),
            },
        },
        "style": {
            "description": "版式参数（一般放在系列设置中）；不填的项使用模板默认值。",
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "red": {
                    "description": "报头红色，CMYK 百分比；默认 [0, 80, 80, 0]。",
                    "type": "array", "minItems": 4, "maxItems": 4,
                    "items": {"type": "number", "minimum": 0, "maximum": 100},
                    "examples": [[0, 80, 80, 0]],
                },
                "rule_thickness": {"type": "number", "exclusiveMinimum": 0, "maximum": 200, "description": "红线粗细（磅），默认 1.5。"},
                "rule": {"enum": ["single", "double", "star"], "description": "红线样式：single 单线（默认），double 上粗下细双线，star 中间加红五角星。"},
                "name_size": {"type": "number", "exclusiveMinimum": 0, "maximum": 200, "description": "简报名称字号（磅）；默认按版心宽度自动确定（最大 60）。"},
                "lead_face": {"enum": ["kai", "hei", "fang", "楷体", "黑体", "仿宋"], "description": "段首句字体：kai 楷体（默认）、hei 黑体、fang 仿宋。"},
                "contents": {"type": "boolean", "description": "是否在报头下印本期栏目和篇目，默认 true。"},
                "page_numbers": {"type": "boolean", "description": "是否印页码，默认 true。"},
                "grid": {"enum": ["strict", "typst"], "description": "字符网格：strict 每个汉字和全角标点各占 28 格中的一格（默认，同公文 Word 模板）；typst 由 Typst 自行两端对齐。"},
                "hanging_punctuation": {"type": "boolean", "description": "行首禁则：true 让本应出现在行首的点号悬挂在行末（默认）；false 把前一个字一同移到下一行并把该行均匀撑满。"},
                "footer_on_even_page": {"type": "boolean", "description": "双面印刷：正文结束在奇数页时把版记移到下一页（偶数页），默认 false。"},
                "heading_bold": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 4}, "uniqueItems": true, "description": "加粗的标题层次，如 [3] 或 [2, 3]；默认不加粗（国家标准只规定字体）。"},
            },
        },
    })
}
