//! Every message, English template → Chinese wording (see [`super`]), in
//! two parts read in order: the run reports, I/O reasons and everything
//! about an issue's input here, the commands' own in [`super::commands`].

/// The parts of the table, in the order they are matched.
pub const TABLE: &[&[(&str, &str)]] = &[INPUT, super::commands::COMMANDS];

/// English template → Chinese wording. Longer, more specific templates first
/// (over both parts).
const INPUT: &[(&str, &str)] = &[
    // Labels and run reports.
    ("error", "错误"),
    ("warning", "警告"),
    ("hint", "提示"),
    ("failed: {}", "失败：{}"),
    (
        "{} issues: {} built, {} unchanged, {} failed ({} s)",
        "共 {} 期：生成 {}，未变 {}，失败 {}（{} 秒）",
    ),
    ("built {} in {} ms", "已生成 {}，用时 {} 毫秒"),
    (
        "not built: keeping the last good {}",
        "未生成：保留上一次成功的 {}",
    ),
    // I/O reasons.
    ("not found", "找不到"),
    ("permission denied", "没有权限"),
    (
        "failed to read the issue file ({})",
        "无法读取该期文件（{}）",
    ),
    (
        "failed to read standard input ({})",
        "无法读取标准输入（{}）",
    ),
    (
        "failed to open the issue's folder ({})",
        "无法打开该期所在的文件夹（{}）",
    ),
    (
        "failed to read the series file ({})",
        "无法读取系列设置文件（{}）",
    ),
    ("failed to read the text ({})", "无法读取文字稿（{}）"),
    ("the photo file exists", "图片文件已存在"),
    ("photo", "图片"),
    (
        "this is a folder: importing one needs --out-dir",
        "这是一个文件夹：导入整个文件夹需要 --out-dir",
    ),
    (
        "give --out-dir DIR to import every issue in it",
        "用 --out-dir 文件夹 导入其中的每一期",
    ),
    (
        "imported {} of {} files: {} clean, {} with warnings, {} failed",
        "共 {1} 个文件，导入 {0} 个：{2} 个无警告，{3} 个有警告，{4} 个失败",
    ),
    (
        "{} photos are not written: the YAML goes to standard output",
        "{} 张图片没有写出：YAML 输出到了标准输出",
    ),
    (
        "give -o FILE to write the YAML and its photos into a folder",
        "用 -o 文件 把 YAML 和图片写到一个文件夹中",
    ),
    (
        "this build of jianbao does not read PDF files",
        "这个版本的 jianbao 不能读取 PDF 文件",
    ),
    (
        "this is a binary Word or WPS file (.doc, .wps), which jianbao does not read",
        "这是 Word 或 WPS 的二进制文件（.doc、.wps），jianbao 不能直接读取",
    ),
    (
        "convert it first: soffice --headless --convert-to docx FILE (or save it as .docx in Word or WPS)",
        "请先转换：soffice --headless --convert-to docx 文件（或在 Word、WPS 中另存为 .docx）",
    ),
    (
        "cannot read the Word document: {}",
        "无法读取这个 Word 文档：{}",
    ),
    (
        "open it in Word or WPS and save it again as .docx",
        "请用 Word 或 WPS 打开后重新保存为 .docx",
    ),
    (
        "{} glyphs have no Unicode character (a font without a ToUnicode map) and are left out; the first on page {} at {} mm from the left, {} mm from the top",
        "有 {} 个字形没有对应的 Unicode 字符（字体缺少 ToUnicode 映射），已略去；第一个在第 {} 页，距左边 {} 毫米、距上边 {} 毫米",
    ),
    (
        "this does not read as a bulletin: no {}",
        "这不像一期简报：找不到{}",
    ),
    (
        "{}: could not place `{}`; it is kept as a comment",
        "{}：无法确定“{}”的位置，已作为注释保留",
    ),
    (
        "import the issue's text instead (jianbao import OLD.txt)",
        "可改为导入这期的文字稿（jianbao import 旧稿.txt）",
    ),
    ("the PDF is encrypted", "这个 PDF 已加密"),
    (
        "save an unprotected copy first, or import the issue's text",
        "请先另存一份未加密的副本，或导入这期的文字稿",
    ),
    (
        "this is not a readable PDF (damaged or truncated)",
        "这个 PDF 无法读取（已损坏或不完整）",
    ),
    (
        "open it in a PDF viewer and save it again, or import the issue's text",
        "请用 PDF 阅读器打开后重新保存，或导入这期的文字稿",
    ),
    ("the PDF has no pages", "这个 PDF 没有页面"),
    (
        "page {} of the PDF nests its content more than {} deep (damaged or hostile)",
        "这个 PDF 第 {} 页的内容嵌套超过 {} 层（已损坏或有意构造）",
    ),
    (
        "the PDF nests its objects more than {} deep (damaged or hostile)",
        "这个 PDF 的对象嵌套超过 {} 层（已损坏或有意构造）",
    ),
    ("skipped: {}", "已跳过：{}"),
    ("this file could not be read ({})", "无法读取这个文件（{}）"),
    (
        "the file may be damaged: open it and save it again, or import its text",
        "文件可能已损坏：打开后重新保存，或导入它的文本",
    ),
    (
        "the PDF has {} pages; a bulletin has at most {}",
        "这个 PDF 有 {} 页，一期简报最多 {} 页",
    ),
    ("split it into its issues first", "请先按期拆分"),
    (
        "the PDF has no text layer (a scan?): there is nothing to import",
        "这个 PDF 没有文字层（可能是扫描件），无法导入",
    ),
    (
        "run OCR on it first, or import the issue's text",
        "请先做文字识别（OCR），或导入这期的文字稿",
    ),
    (
        "the file is open in another program, such as a PDF viewer: close it there and build again",
        "文件正被其他程序（如 PDF 阅读器）打开：请先关闭再生成",
    ),
    (
        "failed to subset the font {} ({})",
        "无法为字体 {} 取子集（{}）",
    ),
    ("failed to write {} file ({})", "无法写入 {} 文件（{}）"),
    ("failed to create the file ({})", "无法创建文件（{}）"),
    ("failed to create the folder ({})", "无法创建文件夹（{}）"),
    ("failed to read the folder ({})", "无法读取文件夹（{}）"),
    ("failed to read the template ({})", "无法读取模板（{}）"),
    ("failed to read font file ({})", "无法读取字体文件（{}）"),
    (
        "failed to read font directory ({})",
        "无法读取字体文件夹（{}）",
    ),
    ("no such file or folder", "没有这个文件或文件夹"),
    ("the file is not UTF-8 text", "文件不是 UTF-8 编码的文本"),
    (
        "save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8); GBK/GB18030 files are not read",
        "请另存为 UTF-8 编码（记事本：另存为 → 编码选 UTF-8）；GBK/GB18030 文件不能直接读取",
    ),
    // YAML.
    ("unknown key `{}`", "未知的键 `{}`"),
    ("did you mean `{}`?", "是不是要写 `{}`？"),
    ("the keys allowed here are: {}", "这里可以用的键有：{}"),
    ("missing key `{}`", "缺少键 `{}`"),
    (
        "add `{}:` with its value to this mapping",
        "请在这一层加上 `{}:` 及其值",
    ),
    (
        "add `{}` to the issue file or to {}",
        "请在该期文件或 {1} 中加上 `{0}`",
    ),
    (
        "add `{}` to the issue file (or to a series.yaml beside it)",
        "请在该期文件（或同一文件夹中的 series.yaml）中加上 `{}`",
    ),
    ("add `{}` to the issue file", "请在该期文件中加上 `{}`"),
    (
        "wrong type: found {}, expected {}",
        "类型不对：这里是 {}，应为 {}",
    ),
    ("this value is not a valid {}", "这个值不是有效的 {}"),
    ("duplicate key `{}`", "重复的键 `{}`"),
    ("duplicate key", "重复的键"),
    (
        "a key may appear only once in a mapping: remove this one or merge it with the first",
        "同一层中每个键只能出现一次：请删去这一处，或与前面的合并",
    ),
    ("YAML syntax error: {}", "YAML 语法错误：{}"),
    (
        "check the indentation and that each key is followed by `: `",
        "请检查缩进，以及每个键后面是否为半角冒号加空格 `: `",
    ),
    (
        "the file goes past a safety limit ({})",
        "文件超出了安全限制（{}）",
    ),
    (
        "a bulletin needs no deep nesting and few anchors; simplify the file",
        "简报不需要很深的嵌套和大量锚点，请简化文件",
    ),
    (
        "full-width space (U+3000) in the indentation",
        "缩进中有全角空格（U+3000）",
    ),
    (
        "indent with ordinary half-width spaces; switch the input method to half-width (半角) mode",
        "请用半角空格缩进；把输入法切换到半角模式",
    ),
    ("tab in the indentation", "缩进中有制表符（Tab）"),
    (
        "YAML indents with spaces only; replace the tab with spaces",
        "YAML 只能用空格缩进，请把 Tab 换成空格",
    ),
    (
        "full-width colon `：` after the key `{}`",
        "键 `{}` 后面用了全角冒号 `：`",
    ),
    (
        "write a half-width colon and a space: `{}`",
        "请改用半角冒号加空格：`{}`",
    ),
    (
        "`{}` describes one issue and cannot be set in {}",
        "`{}` 是每一期各自的内容，不能写在 {} 中",
    ),
    ("move it into the issue file", "请把它移到该期的文件中"),
    (
        "both `columns` and `articles` are set",
        "同时写了 `columns` 和 `articles`",
    ),
    (
        "use `columns` when the issue has 栏目, or `articles` alone when it has none",
        "有栏目时用 `columns`，没有栏目时只用 `articles`",
    ),
    ("the issue has no articles", "这一期没有文章"),
    (
        "add at least one article with a `title` and a `body`",
        "请至少加一篇文章，写明 `title` 和 `body`",
    ),
    // Values.
    (
        "impossible date: {}; write it as YYYY-MM-DD, e.g. 2023-07-21",
        "日期不存在：{}；请写成 YYYY-MM-DD，例如 2023-07-21",
    ),
    ("impossible date: {}", "日期不存在：{}"),
    (
        "write it as YYYY-MM-DD, e.g. 2025-03-01",
        "请写成 YYYY-MM-DD，例如 2025-03-01",
    ),
    ("the year {} is not a four-digit year", "年份 {} 不是四位数"),
    ("there is no month {}", "没有 {} 月"),
    (
        "{}-{} has no day {} (it has {} days)",
        "{} 年 {} 月没有 {} 日（这个月只有 {} 天）",
    ),
    ("`{}` is not a date", "`{}` 不是日期"),
    (
        "empty text: write the text after the colon, or remove the key",
        "内容为空：请在冒号后写上内容，或删去这个键",
    ),
    (
        "{} is not a positive whole number; numbers here count from 1",
        "{} 不是正整数；这里的编号从 1 开始",
    ),
    (
        "{} is not a whole number; write e.g. 14",
        "{} 不是整数；请写成如 14",
    ),
    (
        "`{}` is not a number; write digits only, e.g. 14",
        "`{}` 不是数字；请只写阿拉伯数字，如 14",
    ),
    (
        "{} is not a usable size in points; give a number above 0 and at most 200",
        "{} 不是可用的磅值；请写大于 0、不超过 200 的数",
    ),
    (
        "a colour is four CMYK percentages from 0 to 100, e.g. [0, 80, 80, 0]",
        "颜色应写成四个 0～100 的 CMYK 百分数，如 [0, 80, 80, 0]",
    ),
    (
        "empty paragraph: remove the line or write its text",
        "段落为空：请删去这一行或写上内容",
    ),
    (
        "a body entry is one of: a paragraph (`text`, with an optional `lead`), a `heading` (with an optional `level`), a `photo` or a `table`; this one mixes them or has none",
        "正文的每一项只能是一种：段落（`text`，可带 `lead`）、`heading`（可带 `level`）、`photo` 或 `table`；这一项混用了几种，或一种也没有",
    ),
    (
        "`level` belongs to a `heading`",
        "`level` 只能用于 `heading`",
    ),
    (
        "there is no heading level {}: levels are 1 (一、), 2 (（一）), 3 (1.) and 4 (（1）)",
        "没有第 {} 级标题：标题层次为 1（一、）、2（（一））、3（1.）、4（（1））",
    ),
    (
        "the level-{} heading `{}` stands under no level-{} heading: number it one level up, or add the heading above it",
        "第 {0} 级标题 `{1}` 上面没有第 {2} 级标题：请把它提高一级编号，或补上上一级标题",
    ),
    (
        "the heading `{}` is numbered as level {} but set at level {}: give it `level: {}`, or renumber it",
        "标题 `{0}` 的序号属于第 {1} 级，却设为第 {2} 级：请写 `level: {3}`，或改正序号",
    ),
    (
        "the heading `{}` is numbered {} where {} comes next: renumber it",
        "标题 `{0}` 的序号是 {1}，这里应为 {2}：请改正序号",
    ),
    (
        "headings are numbered 一、 then （一） then 1. then （1）, each level counting from 1 under the heading above it",
        "标题序号依次为 一、（一）1.（1），每一级在上一级标题下从 1 起编",
    ),
    (
        "empty table: give its rows under `rows:`, one list of cells a row",
        "表格为空：请在 `rows:` 下写出各行，每行一个单元格列表",
    ),
    (
        "the table has a header but no rows: give them under `rows:`",
        "表格只有表头没有表体：请在 `rows:` 下写出各行",
    ),
    (
        "`widths` gives {} widths for a table of {} columns: give one a column (a number of millimetres or auto)",
        "`widths` 给了 {0} 个宽度，表格却有 {1} 列：请每列给一个（毫米数或 auto）",
    ),
    (
        "the table's columns need {} mm but the type area is {} mm wide: make the widths fit, e.g. widths: [{}]",
        "表格各列需要 {0} 毫米，版心只有 {1} 毫米宽：请减小列宽，例如 widths: [{2}]",
    ),
    (
        "`align` gives {} alignments for a table of {} columns: give one a column (left, center or right)",
        "`align` 给了 {0} 个对齐方式，表格却有 {1} 列：请每列给一个（left、center 或 right）",
    ),
    ("header row", "表头行"),
    ("row", "表体行"),
    ("header rows follow", "行表头"),
    ("rows follow", "行"),
    (
        "{} {} of the table has no cells",
        "表格的{0} {1} 没有单元格",
    ),
    (
        "{} {} of the table spans more than {} columns: no more fit the type area; split the table",
        "表格的{0} {1} 超过 {2} 列：版心放不下更多列，请拆分表格",
    ),
    (
        "{} {} of the table has more cells than its {} columns (the cell `{}` would reach column {}): remove a cell or a span, or widen the first row",
        "表格的{0} {1} 的单元格超出了全表的 {2} 列（单元格 `{3}` 将到达第 {4} 列）：请删去一个单元格或合并，或加宽第一行",
    ),
    (
        "the cell `{}` in {} {} spans {} rows but only {} {} from there: lower its rowspan",
        "{1} {2} 的单元格 `{0}` 纵向合并 {3} 行，但从这里起只有 {4} {5}：请减小 rowspan",
    ),
    (
        "the cell `{}` in {} {} overlaps a cell spanning down from a row above: remove it or lower that rowspan",
        "{1} {2} 的单元格 `{0}` 与上面纵向合并下来的单元格重叠：请删去它，或减小那个 rowspan",
    ),
    (
        "{} {} of the table fills {} of its {} columns (spans counted): give every row the same number of cells, an empty one as \"\"",
        "表格的{0} {1} 只占满 {3} 列中的 {2} 列（计入合并）：请让每行单元格数相同，空单元格写作 \"\"",
    ),
    (
        "a row is a list of cells, e.g. [东城街道, 12, 75%]",
        "一行是一个单元格列表，如 [东城街道, 12, 75%]",
    ),
    (
        "`header` is one row (a list of cells) or a list of rows; this one mixes cells and rows",
        "`header` 应为一行（单元格列表）或多行（行的列表）；这里混用了单元格和行",
    ),
    (
        "{} is not a column width: give millimetres above 0, or auto",
        "{} 不是列宽：请写大于 0 的毫米数，或 auto",
    ),
    (
        "`{}` is not a column width: give millimetres above 0, or auto",
        "`{}` 不是列宽：请写大于 0 的毫米数，或 auto",
    ),
    (
        "a list where a cell belongs: a row is one list of cells, and a cell is a text (or {text: …, colspan: N})",
        "这里应是单元格却写成了列表：一行是一个单元格列表，单元格是文字（或 {text: …, colspan: N}）",
    ),
    (
        "a table cell holds text only (`text`, `colspan`, `rowspan`), not a `{}`: put it before or after the table",
        "单元格只能放文字（`text`、`colspan`、`rowspan`），不能放 `{}`：请把它放在表格之前或之后",
    ),
    (
        "unknown key `{}` in a table cell: a cell has `text`, `colspan` and `rowspan`",
        "单元格中有未知的键 `{}`：单元格只有 `text`、`colspan` 和 `rowspan`",
    ),
    (
        "`caption` and `width` belong to a `photo`",
        "`caption` 和 `width` 只能用于 `photo`",
    ),
    (
        "photo width {} is not a fraction of the line: give a number above 0 and at most 1",
        "图片宽度 {} 不是版心宽度的比例：请写大于 0、不超过 1 的数",
    ),
    // Photos and fonts.
    ("the photo path is absolute: {}", "图片路径是绝对路径：{}"),
    (
        "give the path relative to the issue file",
        "请写相对于该期文件的路径",
    ),
    (
        "the photo leads outside the issue's folder: {}",
        "图片位于该期文件夹之外：{}",
    ),
    (
        "copy the photo into the issue's folder; `..` is not allowed",
        "请把图片复制到该期文件所在的文件夹中；不能使用 `..`",
    ),
    (
        "copy the photo into the issue's folder (links out of it are refused)",
        "请把图片复制到该期文件所在的文件夹中（指向外部的链接不被接受）",
    ),
    ("photo not found: {}", "找不到图片：{}"),
    (
        "check the file name; paths are relative to the issue file",
        "请检查文件名；路径相对于该期文件",
    ),
    ("the photo path is not a file: {}", "图片路径不是文件：{}"),
    ("name an image file", "请写图片文件名"),
    ("the photo {} cannot be used: {}", "图片 {} 无法使用：{}"),
    (
        "use a JPEG or PNG photo of ordinary size (at most 20000 pixels on a side)",
        "请使用普通大小的 JPEG 或 PNG 图片（每边不超过 20000 像素）",
    ),
    (
        "the photo claims {} × {} pixels; at most {} on a side and {} megapixels are allowed",
        "图片声称有 {} × {} 像素；每边最多 {} 像素、总共最多 {} 百万像素",
    ),
    (
        "the photo file is {} MB; at most {} MB is read",
        "图片文件有 {} MB；最多读取 {} MB",
    ),
    (
        "this is not an image format jianbao reads (JPEG, PNG, WebP, GIF, BMP, TIFF)",
        "这不是 jianbao 能读取的图片格式（JPEG、PNG、WebP、GIF、BMP、TIFF）",
    ),
    (
        "the photo's header cannot be read ({})",
        "无法读取图片文件头（{}）",
    ),
    ("the photo cannot be decoded ({})", "无法解码图片（{}）"),
    (
        "no font has the character `{}` (U+{}); it prints as a blank box on page {}",
        "没有字体包含字符 `{}`（U+{}）；它在第 {} 页上将印成空白方框",
    ),
    (
        "add a font that has it with --font-path DIR, or replace the character",
        "请用 --font-path 目录 加入含有这个字的字体，或换用其他字",
    ),
    // 公文.
    (
        "this is a 公文, and this command works on bulletin issues only",
        "这是一份公文，这个命令只处理简报",
    ),
    (
        "`jianbao build`, `check`, `preview`, `watch` and `import` take a 公文; `add` will follow",
        "公文可用 `jianbao build`、`check`、`preview`、`watch` 和 `import`；`add` 随后支持",
    ),
    (
        "this is an office file, not a document",
        "这是发文机关设置文件，不是公文",
    ),
    (
        "build the documents beside it; `jianbao check office.yaml` checks the office file itself",
        "请生成它旁边的公文；`jianbao check office.yaml` 检查设置文件本身",
    ),
    (
        "failed to read the office file ({})",
        "无法读取发文机关设置文件（{}）",
    ),
    (
        "`{}` describes one document and cannot be set in {}",
        "`{}` 只属于某一份公文，不能写在 {} 中",
    ),
    ("move it into the document's file", "请移到公文文件中"),
    (
        "a 纪要 needs its 标志 under `mark:`",
        "纪要需要在 `mark:` 中写明标志",
    ),
    ("add `mark: {}`", "请加上 `mark: {}`"),
    (
        "the 发文字号 `{}` is a serial alone, and no 代字 is set",
        "发文字号 `{}` 只有序号，且没有设置机关代字",
    ),
    (
        "write it whole ({}), or set `code: {}` in office.yaml",
        "请写出完整的发文字号（{}），或在 office.yaml 中设置 `code: {}`",
    ),
    (
        "`第{}号` is an order's number; a {} needs a 发文字号 with 〔year〕",
        "`第{}号` 是令号；{}格式需要带〔年份〕的发文字号",
    ),
    (
        "write e.g. {}, or set `gongwen: 命令`",
        "请写成如 {}，或设置 `gongwen: 命令`",
    ),
    (
        "签发人 are printed in the 文件格式 only",
        "只有文件格式印签发人",
    ),
    (
        "remove `signers:`, or set `gongwen: 文件`",
        "请删去 `signers:`，或设置 `gongwen: 文件`",
    ),
    (
        "the document is sealed, but no seal is given for {}",
        "公文要加盖印章，但没有给出{}的印章",
    ),
    (
        "give each organ's `seal: {}`, or set `sealed: false`",
        "请为每个机关写上 `seal: {}`，或设置 `sealed: false`",
    ),
    (
        "an order (命令) is signed with the 签发人's stamp, and none is given",
        "命令须加盖签发人签名章，但没有给出",
    ),
    (
        "set `seal: {}` (the 签名章) and `signed_by: {}`",
        "请设置 `seal: {}`（签名章）和 `signed_by: {}`",
    ),
    (
        "attendance (出席, 请假, 列席) is printed in a 纪要 only",
        "只有纪要印出席、请假、列席",
    ),
    (
        "remove `attendance:`, or set `gongwen: 纪要`",
        "请删去 `attendance:`，或设置 `gongwen: 纪要`",
    ),
    (
        "the 附件说明 lists {} attachments, but {} are given under `attachments`",
        "附件说明列了 {} 件附件，`attachments` 中却有 {} 件",
    ),
    (
        "list each attachment once in both, in the same order",
        "请在两处按同一顺序各列每件附件一次",
    ),
    (
        "the 附件说明's item {} `{}` is not the title of attachment {} `{}`",
        "附件说明第 {} 项 `{}` 与第 {} 件附件的标题 `{}` 不一致",
    ),
    (
        "the 附件说明 must name each attachment by its title (GB/T 9704 7.3.4)",
        "附件说明须写出每件附件的标题（GB/T 9704 7.3.4）",
    ),
    ("{} output is not made for a 公文 yet", "公文暂不能输出 {}"),
    (
        "build it as pdf, ofd, png, svg, html, txt or typ; the Word copy of a 公文 is still to come",
        "请输出 pdf、ofd、png、svg、html、txt 或 typ；公文的 Word 输出随后提供",
    ),
    (
        "failed to serialise the document ({})",
        "无法序列化公文（{}）",
    ),
    ("seal image not found: {}", "找不到印章图片：{}"),
    (
        "check the file name; paths are relative to the document",
        "请检查文件名；路径相对于公文文件",
    ),
    (
        "the seal image leads outside the document's folder: {}",
        "印章图片指向公文所在文件夹之外：{}",
    ),
    (
        "copy the image into the document's folder (links out of it are refused)",
        "请把图片复制到公文所在文件夹（不接受指向文件夹外的链接）",
    ),
    ("the seal path is not a file: {}", "印章路径不是文件：{}"),
    ("name a PNG or SVG file", "请指定 PNG 或 SVG 文件"),
    (
        "the seal image is enormous ({} MB): {}",
        "印章图片过大（{} MB）：{}",
    ),
    (
        "a seal is a small image: export it at print size (under {} MB), as PNG or SVG",
        "印章是小图片：请按印刷尺寸导出（小于 {} MB），存为 PNG 或 SVG",
    ),
    (
        "the seal image is enormous ({} × {} pixels): {}",
        "印章图片过大（{} × {} 像素）：{}",
    ),
    (
        "a seal 42 mm wide needs about 1000 pixels at 600 ppi: scale it down",
        "42 毫米宽的印章按 600 ppi 约需 1000 像素：请缩小",
    ),
    (
        "the seal image is no PNG or SVG: {}",
        "印章图片不是 PNG 或 SVG：{}",
    ),
    (
        "save the seal as PNG (with a transparent background) or SVG",
        "请把印章存为 PNG（透明背景）或 SVG",
    ),
    (
        "add `{}` to {} beside the document, or to the document",
        "请把 `{}` 加到公文旁的 {} 或公文中",
    ),
    ("add `{}` to the document", "请在公文中加上 `{}`"),
    (
        "`{}` is no secrecy level: the standard knows 绝密, 机密 and 秘密, with a period after ★ (机密★1年)",
        "`{}` 不是密级：标准规定绝密、机密、秘密，保密期限写在★之后（机密★1年）",
    ),
    (
        "`{}` has a ★ but no period after it",
        "`{}` 有★但其后没有保密期限",
    ),
    (
        "the period in `{}` is in Chinese numerals: write it in Arabic digits ({}★1年)",
        "`{}` 的保密期限用了汉字数字：请用阿拉伯数字（{}★1年）",
    ),
    (
        "the period in `{}` does not start with a number: write e.g. {}★1年",
        "`{}` 的保密期限不以数字开头：请写成如 {}★1年",
    ),
    (
        "`{}` is no urgency mark: write 特急 or 加急",
        "`{}` 不是紧急程度：请写特急或加急",
    ),
    (
        "the serial in `{}` has leading zeros: write {}号 (GB/T 9704 7.2.5)",
        "`{}` 的序号有前导零：请写 {}号（GB/T 9704 7.2.5）",
    ),
    (
        "`{}` in `{}` is no serial number: write Arabic digits",
        "`{}` 中的 `{}` 不是序号：请用阿拉伯数字",
    ),
    (
        "the 发文字号 `{}` has no year in 〔〕: {}, e.g. 青建发〔2026〕5号",
        "发文字号 `{}` 没有用〔〕括住的年份：{}，如 青建发〔2026〕5号",
    ),
    (
        "put the year in 六角括号 〔〕, not [] () （） or 【】",
        "年份用六角括号〔〕，不用 [] () （） 或 【】",
    ),
    (
        "write the 代字, the year in 〔〕, the serial and 号",
        "依次写机关代字、〔年份〕、序号和“号”",
    ),
    (
        "the 发文字号 `{}` does not close its year with 〕",
        "发文字号 `{}` 的年份缺少〕",
    ),
    (
        "the year `{}` in `{}` is not a full four-digit year (write 〔2026〕)",
        "`{}` 中的年份 `{}` 不是四位数年份（写作〔2026〕）",
    ),
    (
        "the 发文字号 `{}` has 第 before the serial: write {}",
        "发文字号 `{}` 的序号前有“第”：请写 {}",
    ),
    (
        "the 发文字号 `{}` does not end with 号",
        "发文字号 `{}` 不以“号”结尾",
    ),
    (
        "the 发文字号 `{}` has no 代字 before the year",
        "发文字号 `{}` 的年份前没有机关代字",
    ),
    (
        "the copy number {} has more than six digits",
        "份号 {} 超过六位",
    ),
    (
        "{} mm is not a usable size; give a number above 0 and at most {}",
        "{} 毫米不是可用的尺寸；请给出大于 0、不超过 {} 的数",
    ),
    (
        "this is a bulletin issue, not a 公文",
        "这是一期简报，不是公文",
    ),
    (
        "give --from a 公文 of this folder",
        "请用 --from 指定本文件夹中的一份公文",
    ),
    (
        "no 公文 to start from in this folder",
        "本文件夹中没有可作起点的公文",
    ),
    (
        "give --from FILE, or make a 公文 folder with `jianbao init --gongwen DIR`",
        "请用 --from 指定文件，或用 `jianbao init --gongwen 目录` 新建公文文件夹",
    ),
    (
        "the imported 公文 does not read back as a valid document",
        "导入的公文读回时不是有效的公文",
    ),
    (
        "no 成文日期 found (a line such as 2026年12月5日)",
        "没有找到成文日期（如“2026年12月5日”这样的一行）",
    ),
    (
        "a 公文 ends with its date; add it on a line of its own and import again",
        "公文以成文日期结尾；请单独一行写上日期后重新导入",
    ),
    ("no title found", "没有找到标题"),
    (
        "a 公文's title stands centred above its 主送 line",
        "公文标题居中排在主送机关之上",
    ),
    (
        "{}: a line after the date that is no 附注, kept in the YAML as a comment: {}",
        "{}：成文日期之后的这一行不是附注，已作为注释保留在 YAML 中：{}",
    ),
    (
        "no organ found (no 标志, no 署名): `organ` is left to fill in",
        "没有找到发文机关（没有标志，也没有署名）：请填写 `organ`",
    ),
    (
        "set `organ:` in the YAML (or in office.yaml) before building",
        "生成前请在 YAML（或 office.yaml）中设置 `organ:`",
    ),
    (
        "`{}` is no serial number: a 发文字号 counts from 1",
        "`{}` 不是序号：发文字号从 1 编起",
    ),
    (
        "failed to read the seal image {} ({})",
        "无法读取印章图片 {}（{}）",
    ),
];
