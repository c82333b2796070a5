//! The commands' messages (build, import, add …): the second part of
//! [`super::table::TABLE`].

/// English template → Chinese wording, after the first part's.
pub const COMMANDS: &[(&str, &str)] = &[
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
    ("failed to write the timings ({})", "无法写入计时记录（{}）"),
    ("the timings would overwrite {}", "计时记录会覆盖 {}"),
    (
        "give --timings a file name of its own",
        "请为 --timings 另取一个文件名",
    ),
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
    // The preview.
    ("add the article again", "请重新添加这篇稿件"),
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
    (
        "the issue file is not UTF-8, so the preview does not save over it",
        "该期文件不是 UTF-8 编码，预览不会覆盖保存它",
    ),
    (
        "save it as UTF-8 in another editor first (jianbao reads only UTF-8 issues)",
        "请先在其他编辑器中把它另存为 UTF-8（jianbao 只读取 UTF-8 的期文件）",
    ),
];
