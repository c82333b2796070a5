#compdef jianbao

autoload -U is-at-least

_jianbao() {
    typeset -A opt_args
    typeset -a _arguments_options
    local ret=1

    if is-at-least 5.2; then
        _arguments_options=(-s -S -C)
    else
        _arguments_options=(-s -C)
    fi

    local context curcontext="$curcontext" state line
    _arguments "${_arguments_options[@]}" : \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'-V[Print version]' \
'--version[Print version]' \
":: :_jianbao_commands" \
"*::: :->jianbao" \
&& ret=0
    case $state in
    (jianbao)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:jianbao-command-$line[1]:"
        case $line[1] in
            (build)
_arguments "${_arguments_options[@]}" : \
'(--out-dir)-o+[Where to write the output of a single issue (\`-\` for standard output); default\: beside the input with the format'\''s extension]:FILE:_files' \
'(--out-dir)--output=[Where to write the output of a single issue (\`-\` for standard output); default\: beside the input with the format'\''s extension]:FILE:_files' \
'--out-dir=[Write every output under this folder, mirroring the inputs'\'' layout]:DIR:_files' \
'*-f+[Output formats, comma-separated; default\: from the extension of -o, else pdf]:FORMAT:((pdf\:"PDF, typeset by the Typst template"
html\:"One self-contained HTML file"
txt\:"Plain text, one element per line"
typ\:"A folder with the Typst entry, template and data, for the typst CLI"
png\:"One PNG per page (NAME-1.png, …; or a {p} in -o)"
svg\:"One SVG per page"
docx\:"A Word document (.docx) to keep editing, on the 22 × 28 grid"
ofd\:"OFD (GB/T 33190), the fixed-layout format of e-documents and archives"))' \
'*--format=[Output formats, comma-separated; default\: from the extension of -o, else pdf]:FORMAT:((pdf\:"PDF, typeset by the Typst template"
html\:"One self-contained HTML file"
txt\:"Plain text, one element per line"
typ\:"A folder with the Typst entry, template and data, for the typst CLI"
png\:"One PNG per page (NAME-1.png, …; or a {p} in -o)"
svg\:"One SVG per page"
docx\:"A Word document (.docx) to keep editing, on the 22 × 28 grid"
ofd\:"OFD (GB/T 33190), the fixed-layout format of e-documents and archives"))' \
'-j+[Parallel jobs for several issues; default\: the number of cores]:N:_default' \
'--jobs=[Parallel jobs for several issues; default\: the number of cores]:N:_default' \
'--pdf-standard=[Produce an archival PDF conforming to this standard]:STANDARD:((a-2b\:"PDF/A-2b (archival)"
a-2u\:"PDF/A-2u (archival, text extractable)"
a-3b\:"PDF/A-3b"
ua-1\:"PDF/UA-1 (accessible)"))' \
'--wrap=[Text output\: wrap lines at this many display columns (a Chinese character is two), keeping the Chinese line-breaking rules]:N:_default' \
'--ppi=[PNG output\: pixels per inch (1 to 1200)]:N:_default' \
'--pages=[PNG/SVG output\: the pages to export, e.g. 1 or 1,3-4 (default\: all)]:PAGES:_default' \
'--docx-fonts=[DOCX output\: the faces to name — office (方正小标宋简体, 仿宋_GB2312 …), shipped (the free faces jianbao ships) or embedded (the shipped faces, embedded in the file, so it looks right where they are not installed)]:FACES:((office\:"The offices'\'' own faces"
shipped\:"The free faces jianbao ships"
embedded\:"The shipped faces, embedded in the file"))' \
'--template=[A template to use instead of the shipped one\: a folder holding bulletin.typ, or a .typ file. It must define \`render(data)\`]:DIR|FILE:_files' \
'*--font-path=[A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable]:DIR:_files' \
'--diagnostics=[How to print diagnostics on standard error]:DIAGNOSTICS:((human\:"\`file\:line\:col\`, the line with a caret, hints"
json\:"One JSON object per line\: file, line, column, severity, message, hints"))' \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'--force[Rebuild outputs even when their inputs have not changed]' \
'-q[No progress bar and no summary]' \
'--quiet[No progress bar and no summary]' \
'--link-photos[HTML output\: reference photos by their paths instead of embedding them]' \
'--strict[Treat warnings (e.g. a character no font has) as errors]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::inputs -- Issue YAML files or folders of them (searched recursively; series.yaml files are inherited, not built), or `-` for standard input:_files' \
&& ret=0
;;
(watch)
_arguments "${_arguments_options[@]}" : \
'-o+[Where to write the output; default\: beside the input]:FILE:_files' \
'--output=[Where to write the output; default\: beside the input]:FILE:_files' \
'-f+[The output format; default\: from the extension of -o, else pdf]:FORMAT:((pdf\:"PDF, typeset by the Typst template"
html\:"One self-contained HTML file"
txt\:"Plain text, one element per line"
typ\:"A folder with the Typst entry, template and data, for the typst CLI"
png\:"One PNG per page (NAME-1.png, …; or a {p} in -o)"
svg\:"One SVG per page"
docx\:"A Word document (.docx) to keep editing, on the 22 × 28 grid"
ofd\:"OFD (GB/T 33190), the fixed-layout format of e-documents and archives"))' \
'--format=[The output format; default\: from the extension of -o, else pdf]:FORMAT:((pdf\:"PDF, typeset by the Typst template"
html\:"One self-contained HTML file"
txt\:"Plain text, one element per line"
typ\:"A folder with the Typst entry, template and data, for the typst CLI"
png\:"One PNG per page (NAME-1.png, …; or a {p} in -o)"
svg\:"One SVG per page"
docx\:"A Word document (.docx) to keep editing, on the 22 × 28 grid"
ofd\:"OFD (GB/T 33190), the fixed-layout format of e-documents and archives"))' \
'--pdf-standard=[Produce an archival PDF conforming to this standard]:STANDARD:((a-2b\:"PDF/A-2b (archival)"
a-2u\:"PDF/A-2u (archival, text extractable)"
a-3b\:"PDF/A-3b"
ua-1\:"PDF/UA-1 (accessible)"))' \
'--wrap=[Text output\: wrap lines at this many display columns (a Chinese character is two), keeping the Chinese line-breaking rules]:N:_default' \
'--ppi=[PNG output\: pixels per inch (1 to 1200)]:N:_default' \
'--pages=[PNG/SVG output\: the pages to export, e.g. 1 or 1,3-4 (default\: all)]:PAGES:_default' \
'--docx-fonts=[DOCX output\: the faces to name — office (方正小标宋简体, 仿宋_GB2312 …), shipped (the free faces jianbao ships) or embedded (the shipped faces, embedded in the file, so it looks right where they are not installed)]:FACES:((office\:"The offices'\'' own faces"
shipped\:"The free faces jianbao ships"
embedded\:"The shipped faces, embedded in the file"))' \
'--template=[A template to use instead of the shipped one\: a folder holding bulletin.typ, or a .typ file. It must define \`render(data)\`]:DIR|FILE:_files' \
'*--font-path=[A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable]:DIR:_files' \
'--diagnostics=[How to print diagnostics on standard error]:DIAGNOSTICS:((human\:"\`file\:line\:col\`, the line with a caret, hints"
json\:"One JSON object per line\: file, line, column, severity, message, hints"))' \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'--open[Open the output in the system viewer after the first build]' \
'--link-photos[HTML output\: reference photos by their paths instead of embedding them]' \
'--strict[Treat warnings (e.g. a character no font has) as errors]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':input -- The issue'\''s YAML file:_files' \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
'--template=[A template to use instead of the shipped one\: a folder holding bulletin.typ, or a .typ file. It must define \`render(data)\`]:DIR|FILE:_files' \
'*--font-path=[A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable]:DIR:_files' \
'--diagnostics=[How to print diagnostics on standard error]:DIAGNOSTICS:((human\:"\`file\:line\:col\`, the line with a caret, hints"
json\:"One JSON object per line\: file, line, column, severity, message, hints"))' \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'--strict[Treat warnings (e.g. a character no font has) as errors]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'*::inputs -- Issue YAML files to check (`-` for standard input):_files' \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
'-o+[Where to write the YAML (\`-\` for standard output); default\: beside the input with the extension .yaml (standard output for standard input)]:FILE:_files' \
'--output=[Where to write the YAML (\`-\` for standard output); default\: beside the input with the extension .yaml (standard output for standard input)]:FILE:_files' \
'--diagnostics=[How to print diagnostics on standard error]:DIAGNOSTICS:((human\:"\`file\:line\:col\`, the line with a caret, hints"
json\:"One JSON object per line\: file, line, column, severity, message, hints"))' \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'--force[Overwrite the output file if it exists]' \
'--no-leads[Do not look for lead sentences (段首句); keep every paragraph whole]' \
'--strict[Fail if any line of the input could not be placed]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':input -- The issue'\''s text (UTF-8 or GBK/GB18030), or `-` for standard input:_files' \
&& ret=0
;;
(fonts)
_arguments "${_arguments_options[@]}" : \
'*--font-path=[A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable]:DIR:_files' \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(init)
_arguments "${_arguments_options[@]}" : \
'--date=[The first issue'\''s date (default\: today), e.g. 2025-03-01]:DATE:_default' \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':dir -- The folder (created if missing):_files' \
&& ret=0
;;
(new)
_arguments "${_arguments_options[@]}" : \
'--from=[Start from this issue instead of the folder'\''s latest]:FILE:_files' \
'--date=[The new issue'\''s date (default\: today), e.g. 2025-03-01]:DATE:_default' \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'(--special)--supplement[Make the next supplement (增刊) instead of the next regular issue]' \
'--special[Make the next special issue (专刊)]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
'::dir -- The series folder (default\: the current folder):_files' \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'--series[The schema of series.yaml instead]' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
':shell -- The shell:(bash elvish fish powershell zsh)' \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
'--lang=[Language of messages\: en or zh (default\: from LANG/LC_ALL; zh_* is Chinese)]:LANG:((en\:"English"
zh\:"简体中文"))' \
'-h[Print help (see more with '\''--help'\'')]' \
'--help[Print help (see more with '\''--help'\'')]' \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
":: :_jianbao__subcmd__help_commands" \
"*::: :->help" \
&& ret=0

    case $state in
    (help)
        words=($line[1] "${words[@]}")
        (( CURRENT += 1 ))
        curcontext="${curcontext%:*:*}:jianbao-help-command-$line[1]:"
        case $line[1] in
            (build)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(watch)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(check)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(import)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(fonts)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(init)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(new)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(schema)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(completions)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(man)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
(help)
_arguments "${_arguments_options[@]}" : \
&& ret=0
;;
        esac
    ;;
esac
;;
        esac
    ;;
esac
}

(( $+functions[_jianbao_commands] )) ||
_jianbao_commands() {
    local commands; commands=(
'build:Builds issues into PDF, HTML or text (ISSUE.yaml → ISSUE.pdf beside it; folders and several files are built as a batch)' \
'watch:Builds an issue, then rebuilds it whenever it, its series file, the template or a photo changes' \
'check:Checks issues (YAML, series file, layout) without writing anything' \
'import:Reads a past issue'\''s plain text back into a YAML source' \
'fonts:Lists the face chosen for each typeface role and where it came from' \
'init:Creates a new series folder\: series.yaml and a first issue, ready to build' \
'new:Writes the next issue from the latest one in a folder\: number + 1, today'\''s date, the same settings, an article skeleton' \
'schema:Prints the JSON Schema of issue files (or of series files) for editors' \
'completions:Prints a shell completion script (e.g. \`jianbao completions bash\`)' \
'man:Prints the manual page (roff) on standard output' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'jianbao commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__build_commands] )) ||
_jianbao__subcmd__build_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao build commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__check_commands] )) ||
_jianbao__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao check commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__completions_commands] )) ||
_jianbao__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao completions commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__fonts_commands] )) ||
_jianbao__subcmd__fonts_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao fonts commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help_commands] )) ||
_jianbao__subcmd__help_commands() {
    local commands; commands=(
'build:Builds issues into PDF, HTML or text (ISSUE.yaml → ISSUE.pdf beside it; folders and several files are built as a batch)' \
'watch:Builds an issue, then rebuilds it whenever it, its series file, the template or a photo changes' \
'check:Checks issues (YAML, series file, layout) without writing anything' \
'import:Reads a past issue'\''s plain text back into a YAML source' \
'fonts:Lists the face chosen for each typeface role and where it came from' \
'init:Creates a new series folder\: series.yaml and a first issue, ready to build' \
'new:Writes the next issue from the latest one in a folder\: number + 1, today'\''s date, the same settings, an article skeleton' \
'schema:Prints the JSON Schema of issue files (or of series files) for editors' \
'completions:Prints a shell completion script (e.g. \`jianbao completions bash\`)' \
'man:Prints the manual page (roff) on standard output' \
'help:Print this message or the help of the given subcommand(s)' \
    )
    _describe -t commands 'jianbao help commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__build_commands] )) ||
_jianbao__subcmd__help__subcmd__build_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help build commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__check_commands] )) ||
_jianbao__subcmd__help__subcmd__check_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help check commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__completions_commands] )) ||
_jianbao__subcmd__help__subcmd__completions_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help completions commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__fonts_commands] )) ||
_jianbao__subcmd__help__subcmd__fonts_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help fonts commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__help_commands] )) ||
_jianbao__subcmd__help__subcmd__help_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help help commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__import_commands] )) ||
_jianbao__subcmd__help__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help import commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__init_commands] )) ||
_jianbao__subcmd__help__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help init commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__man_commands] )) ||
_jianbao__subcmd__help__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help man commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__new_commands] )) ||
_jianbao__subcmd__help__subcmd__new_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help new commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__schema_commands] )) ||
_jianbao__subcmd__help__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help schema commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__help__subcmd__watch_commands] )) ||
_jianbao__subcmd__help__subcmd__watch_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao help watch commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__import_commands] )) ||
_jianbao__subcmd__import_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao import commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__init_commands] )) ||
_jianbao__subcmd__init_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao init commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__man_commands] )) ||
_jianbao__subcmd__man_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao man commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__new_commands] )) ||
_jianbao__subcmd__new_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao new commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__schema_commands] )) ||
_jianbao__subcmd__schema_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao schema commands' commands "$@"
}
(( $+functions[_jianbao__subcmd__watch_commands] )) ||
_jianbao__subcmd__watch_commands() {
    local commands; commands=()
    _describe -t commands 'jianbao watch commands' commands "$@"
}

if [ "$funcstack[1]" = "_jianbao" ]; then
    _jianbao "$@"
else
    compdef _jianbao jianbao
fi
