//! Every message, English template → Chinese wording (see [`super`]).

/// English template → Chinese wording. Longer, more specific templates first.
pub const TABLE: &[(&str, &str)] = &[
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
        "a body entry is one of: a paragraph (`text`, with an optional `lead`), a `heading`, a `subheading` or a `photo`; this one mixes them or has none",
        "正文的每一项只能是一种：段落（`text`，可带 `lead`）、`heading`、`subheading` 或 `photo`；这一项混用了几种，或一种也没有",
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
    // Commands.
    (
        "the template folder has no bulletin.typ",
        "模板文件夹中没有 bulletin.typ",
    ),
    (
        "a template folder must hold bulletin.typ defining `render(data)`",
        "模板文件夹中须有定义了 `render(data)` 的 bulletin.typ",
    ),
    ("template not found ({})", "找不到模板（{}）"),
    (
        "give a folder holding bulletin.typ, or a .typ file",
        "请给出含有 bulletin.typ 的文件夹，或一个 .typ 文件",
    ),
    (
        "--wrap applies to text output only",
        "--wrap 只用于文本输出",
    ),
    (
        "add --format txt, or leave --wrap out",
        "请加上 --format txt，或去掉 --wrap",
    ),
    (
        "-o names one output, but this build makes several",
        "-o 只能指定一个输出，而这次要生成多个",
    ),
    (
        "use --out-dir DIR for several issues or formats",
        "多期或多种格式请用 --out-dir 目录",
    ),
    (
        "standard input can only be built on its own",
        "标准输入只能单独生成",
    ),
    ("refusing to write a PDF to a terminal", "不向终端输出 PDF"),
    (
        "redirect standard output, or give -o FILE",
        "请重定向标准输出，或用 -o 文件",
    ),
    ("this output is several files", "这种输出包含多个文件"),
    (
        "this issue and {} would write the same output",
        "这一期与 {} 会写到同一个输出文件",
    ),
    (
        "rename one of them, or build them into different --out-dir folders",
        "请改名其中之一，或把它们生成到不同的 --out-dir 文件夹",
    ),
    (
        "no page selected: the issue has {} pages",
        "没有选中任何页：这一期共 {} 页",
    ),
    (
        "give --pages within the issue's pages, e.g. 1 or 1-2",
        "--pages 请在这一期的页数之内，如 1 或 1-2",
    ),
    ("give -o PATH", "请用 -o 指定路径"),
    (
        "the output would overwrite the issue's source file",
        "输出会覆盖该期的源文件",
    ),
    ("give another -o FILE", "请用 -o 指定另一个文件"),
    ("the output file exists", "输出文件已存在"),
    (
        "give --force to overwrite it, or another -o FILE",
        "如要覆盖请加 --force，或用 -o 指定另一个文件",
    ),
    ("the file exists", "文件已存在"),
    (
        "init makes a new series folder; give a new or empty folder",
        "init 用于新建系列文件夹；请给出一个新的或空的文件夹",
    ),
    (
        "jianbao never overwrites an issue; move or rename the existing file first",
        "jianbao 不会覆盖已有的一期；请先移走或改名原有文件",
    ),
    (
        "no issue to start from in this folder",
        "这个文件夹中没有可以作为依据的一期",
    ),
    (
        "give --from FILE, or make a series folder with `jianbao init DIR`",
        "请用 --from 文件 指定，或先用 `jianbao init 目录` 新建系列文件夹",
    ),
    // Import.
    (
        "the text is neither UTF-8 nor GBK/GB18030",
        "文字稿既不是 UTF-8 也不是 GBK/GB18030 编码",
    ),
    (
        "save the file as UTF-8 and import it again",
        "请另存为 UTF-8 编码后重新导入",
    ),
    ("could not place this line: {}", "无法归入的一行：{}"),
    (
        "it is kept as a comment in the YAML; move it where it belongs",
        "已作为注释保留在 YAML 中；请把它移到应在的位置",
    ),
    ("no issue number (第 N 期) found", "没有找到期号（第 N 期）"),
    (
        "is this the text of a bulletin? The masthead needs a line like 第 14 期",
        "这是简报的文字稿吗？报头中应有“第 14 期”这样的一行",
    ),
    (
        "no bulletin name found above the issue number",
        "期号上方没有找到简报名称",
    ),
    (
        "the name is the line above 第 N 期",
        "简报名称是“第 N 期”上面的一行",
    ),
    (
        "no date (2023 年 7 月 21 日) found under the issue number",
        "期号下方没有找到日期（2023 年 7 月 21 日）",
    ),
    (
        "the masthead needs the issuing unit and the date",
        "报头中应有编发单位和日期",
    ),
    (
        "no issuing unit found under the issue number",
        "期号下方没有找到编发单位",
    ),
    (
        "the unit is the line before the date",
        "编发单位是日期前面的一行",
    ),
    ("no article found", "没有找到文章"),
    ("the issue number is 0", "期号是 0"),
    (
        "issue numbers count from 1: correct the 第 N 期 line",
        "期号从 1 开始：请改正“第 N 期”这一行",
    ),
    (
        "the imported issue does not read back as a valid issue",
        "导入的结果不能作为有效的一期读回",
    ),
    (
        "an article is a title line followed by its paragraphs",
        "文章由一行标题及其后的段落组成",
    ),
    (
        "the contents list `{}` but no article has that title",
        "目录中有“{}”，但没有文章用这个标题",
    ),
    // Invisible characters, series files, empty articles.
    (
        "invisible character {} ({}) at character {} of the text: delete it, or retype the text around it",
        "文字的第 {2} 个字符是不可见字符 {0}（{1}）：请删除它，或重新输入它前后的文字",
    ),
    (
        "dropped the invisible character {} ({})",
        "已删去不可见字符 {}（{}）",
    ),
    (
        "check the text around it: it may have come from a copy and paste",
        "请检查它前后的文字：它可能是复制粘贴时带进来的",
    ),
    ("the series file is not a file", "系列设置文件不是一个文件"),
    (
        "series.yaml must be a file of settings the issues share; rename or remove what is there",
        "series.yaml 应当是各期共用设置的文件；请给现有的同名项改名或删除它",
    ),
    (
        "this is a series file, not an issue",
        "这是系列设置文件，不是某一期",
    ),
    (
        "build or check the issues beside it; `jianbao check series.yaml` checks the series file itself",
        "请生成或检查它旁边的各期；`jianbao check series.yaml` 检查系列设置文件本身",
    ),
    (
        "the article `{}` has an empty body: it prints as a lone title",
        "文章“{}”没有正文：只会印出一个标题",
    ),
    (
        "write its paragraphs under `body:`, or remove the article",
        "请在 `body:` 下写出它的段落，或删去这篇文章",
    ),
    (
        "{} output needs fonts and a template",
        "{} 输出需要字体和模板",
    ),
    ("failed to watch files ({})", "无法监视文件（{}）"),
    ("failed to open {} ({})", "无法打开 {}（{}）"),
    ("failed to write HTML ({})", "无法生成 HTML（{}）"),
    ("failed to encode PNG ({})", "无法编码 PNG（{}）"),
    ("failed to serialise the issue ({})", "无法序列化该期（{}）"),
    ("the creation date is out of range", "创建日期超出范围"),
    ("PDF export failed: {}", "PDF 导出失败：{}"),
    (
        "the photo claims {} × {} pixels from only {} bytes: it is damaged",
        "照片声称有 {} × {} 像素，文件却只有 {} 字节：文件已损坏",
    ),
    (
        "the document has {} tracked changes by {} ({} insertions, {} deletions, {} moves, {} formatting changes): they are read accepted, as Word's Accept All would leave them",
        "文档有 {0} 处修订（{1}；插入 {2} 处、删除 {3} 处、移动 {4} 处、格式修改 {5} 处），已按 Word“接受所有修订”后的样子读取",
    ),
    (
        "to review them first, open the document in Word (审阅 → 修订); with --strict such a document is refused",
        "如需先逐条审阅，请在 Word 中打开（审阅 → 修订）；加 --strict 时不接受带修订的文档",
    ),
    ("an unnamed reviewer", "未署名的审阅人"),
    (
        "{}: a comment by {} is kept in the YAML as a comment: {}",
        "{}：{} 的批注已作为注释保留在 YAML 中：{}",
    ),
    (
        "{}: a footnote is left out of the issue (a bulletin has none) and kept in the YAML as a comment: {}",
        "{}：脚注不进入简报正文（简报没有脚注），已作为注释保留在 YAML 中：{}",
    ),
    ("{}: hidden text is left out: {}", "{}：隐藏文字未读入：{}"),
    (
        "{}: a symbol of the font {} (code {}) has no Unicode character known to jianbao and is left out",
        "{}：字体 {} 中的符号（代码 {}）没有已知的 Unicode 字符，已略去",
    ),
    (
        "replace it in Word with a character of an ordinary font (插入 → 符号)",
        "请在 Word 中换成普通字体里的字符（插入 → 符号）",
    ),
    (
        "a comment by {} is anchored nowhere in the text and is kept in the YAML at the end: {}",
        "{} 的批注在正文中没有位置，已作为注释保留在 YAML 末尾：{}",
    ),
    (
        "{}: `{}` says again who issued the issue and when; it is kept as a comment",
        "{}：“{}”重复了编发单位和日期，已作为注释保留",
    ),
    (
        "its elements nest more than {} levels deep (a damaged or hostile file)",
        "元素嵌套超过 {} 层（文件已损坏或被恶意构造）",
    ),
    ("paragraph {}", "第 {} 段"),
    ("paragraph {} (“{}…”)", "第 {} 段（“{}…”）"),
    // jianbao add.
    (
        "this is a whole bulletin, not one article: it has {}",
        "这是一整期简报，不是一篇稿件：其中有{}",
    ),
    (
        "a masthead (第 N 期, unit and date)",
        "版头（第 N 期、编发单位和日期）",
    ),
    ("a masthead line `{}` at {}", "版头的一行“{}”（{}）"),
    ("a footer line `{}` at {}", "版记的一行“{}”（{}）"),
    (
        "import a whole issue with `jianbao import FILE`; `jianbao add` takes one submitted article",
        "整期简报请用 `jianbao import 文件` 导入；`jianbao add` 只接收一篇稿件",
    ),
    (
        "the submission holds no title: it does not begin with a title line",
        "稿件没有标题：开头不是标题行",
    ),
    (
        "put the article's title on its first line, above the paragraphs",
        "请把文章标题放在第一行、正文之上",
    ),
    (
        "the submission holds no text: under its title `{}` there is no paragraph",
        "稿件没有正文：标题“{}”下面没有段落",
    ),
    (
        "send the article's paragraphs under its title",
        "请在标题下写出文章的段落",
    ),
    (
        "the submission is empty: it holds no title and no text",
        "稿件是空的：既没有标题也没有正文",
    ),
    ("check that it is the right file", "请确认文件没有选错"),
    (
        "move it where it belongs in the issue file",
        "请在该期文件中把它移到应在的位置",
    ),
    (
        "dropped {} invisible characters (control characters, direction marks)",
        "删去了 {} 个不可见字符（控制字符、方向标记）",
    ),
    (
        "check the article's text against the submission",
        "请对照稿件核对文章文字",
    ),
    (
        "{}: a photo above the title is left out",
        "{}：标题上方的图片没有收入",
    ),
    (
        "add it to the issue by hand if it belongs to the article",
        "如果它属于这篇文章，请手工加入该期",
    ),
    (
        "{}: {} has no place in an article; it is kept as a comment: {}",
        "{}：{}不能放进文章，已作为注释保留：{}",
    ),
    ("a column heading", "栏目名"),
    ("an editor's note", "编者按"),
    ("a photo's caption without the photo", "没有图片的图注"),
    (
        "{}: a table has no place in an article; its {} cells are kept as a comment",
        "{}：表格不能放进文章，其中 {} 个单元格已作为注释保留",
    ),
    (
        "write what it says as paragraphs, or leave it out",
        "请把表格内容改写成段落，或者删去",
    ),
    (
        "give the column with --column NAME",
        "请用 --column 栏目名 指定栏目",
    ),
    (
        "add the photo by hand: `- photo: FILE` with its `caption:`",
        "请手工加入图片：`- photo: 文件` 及其 `caption:`",
    ),
    (
        "the article goes into a list written in brackets ([…]), which holds no comments: {} comments from the submission are left out",
        "文章要加入的列表写在方括号（[…]）里，不能带注释：稿件中的 {} 条注释没有保留",
    ),
    (
        "the warnings above say what they were; or write the list as lines starting with `- ` and add the article again",
        "上面的警告列出了这些内容；也可以把列表改成以 `- ` 开头的逐行写法，再加入一次",
    ),
    (
        "the issue already has an article titled `{}`",
        "该期已有标题为“{}”的文章",
    ),
    (
        "remove that article first, or give the submission another title",
        "请先删去那篇文章，或给稿件换一个标题",
    ),
    (
        "cannot add the article here: {}; the issue file is left as it was",
        "无法在这里加入文章：{}；该期文件没有改动",
    ),
    (
        "the edited file would not read back as the issue plus the article",
        "改后的文件读回来不是原来的一期加上这篇文章",
    ),
    (
        "the edited file would not read back as a valid issue",
        "改后的文件读回来不是有效的一期",
    ),
    ("its lists cannot be found ({})", "找不到其中的列表（{}）"),
    (
        "a list of the issue is an alias of another (`*name`)",
        "该期的某个列表是另一个列表的别名（`*name`）",
    ),
    (
        "add the article by hand, or report this with the issue file",
        "请手工加入文章，或附上该期文件报告这个问题",
    ),
    (
        "the issue has no columns (栏目), so there is no column `{}`",
        "该期没有栏目，因此没有栏目“{}”",
    ),
    (
        "leave out --column: the article goes into the issue's articles",
        "请去掉 --column：文章会加入该期的文章列表",
    ),
    (
        "there is no column `{}` to add the article in after another",
        "没有栏目“{}”，无法排在其中某篇文章之后",
    ),
    (
        "the columns are: {}; leave out --after to open a new column `{}` at the end",
        "现有栏目：{}；去掉 --after 即在末尾新开栏目“{}”",
    ),
    (
        "the column `{}` has no article titled `{}`",
        "栏目“{}”中没有标题为“{}”的文章",
    ),
    (
        "the issue has no article titled `{}`",
        "该期没有标题为“{}”的文章",
    ),
    ("the titles are: {}", "现有标题：{}"),
    ("column `{}`, after `{}`", "栏目“{}”中“{}”之后"),
    ("the end of column `{}`", "栏目“{}”的末尾"),
    ("the issue's articles, after `{}`", "该期文章中“{}”之后"),
    ("the end of the issue's articles", "该期文章的末尾"),
    ("a new column `{}` at the end", "末尾新开的栏目“{}”"),
    (
        "the issue to add to cannot be standard input: it is edited in place",
        "要加入文章的一期不能来自标准输入：它要被就地修改",
    ),
    ("name the issue's YAML file", "请给出该期的 YAML 文件"),
    (
        "would add `{}` to {} of {}, lines {} to {}; nothing is written",
        "将把“{}”加入 {2} 的{1}（第 {3} 至 {4} 行）；未写入任何文件",
    ),
    ("would write the photos {}", "将写出图片 {}"),
    (
        "added `{}` to {} of {}, lines {} to {}",
        "已把“{}”加入 {2} 的{1}（第 {3} 至 {4} 行）",
    ),
    ("wrote the photos {}", "已写出图片 {}"),
    ("the issue file is left as it was", "该期文件没有改动"),
    (
        "the issue file changed while the article was being added",
        "加入文章期间该期文件被改动了",
    ),
    ("add the article again", "请重新添加这篇稿件"),
    (
        "failed to write the issue file ({})",
        "无法写入该期文件（{}）",
    ),
    (
        "the issue has errors, so the article is not added",
        "该期有错误，因此没有加入文章",
    ),
    (
        "fix the errors above (jianbao check shows them all), then add the article again",
        "请先改正上面的错误（jianbao check 会列出全部错误），再加入文章",
    ),
    ("failed to read the submission ({})", "无法读取稿件（{}）"),
    ("the submission is not a file", "稿件不是一个文件"),
    (
        "name the submitted article's .docx, .pdf or .txt file",
        "请给出稿件的 .docx、.pdf 或 .txt 文件",
    ),
    // The preview (jianbao preview).
    (
        "the issue has not been built yet: there is nothing to download",
        "该期还没有成功排版：没有可下载的内容",
    ),
    (
        "fix the errors shown, then save",
        "请改正显示的错误，然后保存",
    ),
    (
        "this preview answers only at 127.0.0.1 or localhost",
        "此预览只在 127.0.0.1 或 localhost 上应答",
    ),
    (
        "this preview needs its address with the token, as jianbao printed it",
        "请使用 jianbao 打印的带令牌（token）的完整地址打开此预览",
    ),
    ("this is written to with POST only", "只能用 POST 写入"),
    (
        "a write needs the token and must come from the preview's own page",
        "写入须带令牌，并且只能来自预览页面本身",
    ),
    ("this is read with GET only", "只能用 GET 读取"),
    ("Save", "保存"),
    ("saved", "已保存"),
    ("saving…", "正在保存…"),
    (
        "the file changed on disk since it was loaded: your edits are not saved",
        "文件在载入后已在磁盘上被修改：你的改动没有保存",
    ),
    (
        "the file changed on disk; the editor holds unsaved edits",
        "文件已在磁盘上被修改；编辑区中有尚未保存的改动",
    ),
    ("Reload from disk", "从磁盘重新载入"),
    (
        "the latest save has errors: the pages shown are the last good ones",
        "最近一次保存有错误：显示的是上一次成功排版的页面",
    ),
    ("adding the article…", "正在添加稿件…"),
    ("this text is in {}, line {}", "这段文字在 {}，第 {} 行"),
    (
        "this text is not in the issue's source",
        "这段文字不在该期的源文件中",
    ),
    ("the request failed: {}", "请求失败：{}"),
    ("Download", "下载"),
    (
        "drop a Word, PDF or text file here to add it as an article",
        "把 Word、PDF 或文本文件拖到这里，即可作为一篇稿件加入该期",
    ),
    ("give page, x and y", "请给出 page、x 和 y"),
    ("the text is not UTF-8", "文字不是 UTF-8 编码"),
    ("the request could not be read", "无法读取请求"),
    (
        "the file is too large (at most 64 MB)",
        "文件太大（最多 64 MB）",
    ),
    (
        "the issue file is not a file or does not exist",
        "该期文件不存在或不是文件",
    ),
    ("failed to catch Ctrl+C ({})", "无法捕获 Ctrl+C（{}）"),
    (
        "failed to listen on 127.0.0.1:{} ({})",
        "无法在 127.0.0.1:{} 上监听（{}）",
    ),
    ("previewing {} at {}", "正在预览 {}，地址 {}"),
    (
        "closing this window (or Ctrl+C) ends the preview",
        "关闭此窗口（或按 Ctrl+C）即结束预览",
    ),
    ("the preview has ended", "预览已结束"),
];
