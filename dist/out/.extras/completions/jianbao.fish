# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_jianbao_global_optspecs
    string join \n lang= h/help V/version
end

function __fish_jianbao_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_jianbao_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_jianbao_using_subcommand
    set -l cmd (__fish_jianbao_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c jianbao -n "__fish_jianbao_needs_command" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_needs_command" -s V -l version -d 'Print version'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "build" -d 'Builds issues into PDF, HTML or text (ISSUE.yaml → ISSUE.pdf beside it; folders and several files are built as a batch)'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "watch" -d 'Builds an issue, then rebuilds it whenever it, its series file, the template or a photo changes'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "check" -d 'Checks issues (YAML, series file, layout) without writing anything'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "import" -d 'Reads a past issue\'s plain text back into a YAML source'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "fonts" -d 'Lists the face chosen for each typeface role and where it came from'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "init" -d 'Creates a new series folder: series.yaml and a first issue, ready to build'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "new" -d 'Writes the next issue from the latest one in a folder: number + 1, today\'s date, the same settings, an article skeleton'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "schema" -d 'Prints the JSON Schema of issue files (or of series files) for editors'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "completions" -d 'Prints a shell completion script (e.g. `jianbao completions bash`)'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "man" -d 'Prints the manual page (roff) on standard output'
complete -c jianbao -n "__fish_jianbao_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -s o -l output -d 'Where to write the output of a single issue (`-` for standard output); default: beside the input with the format\'s extension' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l out-dir -d 'Write every output under this folder, mirroring the inputs\' layout' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -s f -l format -d 'Output formats, comma-separated; default: from the extension of -o, else pdf' -r -f -a "pdf\t'PDF, typeset by the Typst template'
html\t'One self-contained HTML file'
txt\t'Plain text, one element per line'
typ\t'A folder with the Typst entry, template and data, for the typst CLI'
png\t'One PNG per page (NAME-1.png, …; or a {p} in -o)'
svg\t'One SVG per page'
docx\t'A Word document (.docx) to keep editing, on the 22 × 28 grid'
ofd\t'OFD (GB/T 33190), the fixed-layout format of e-documents and archives'"
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -s j -l jobs -d 'Parallel jobs for several issues; default: the number of cores' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l pdf-standard -d 'Produce an archival PDF conforming to this standard' -r -f -a "a-2b\t'PDF/A-2b (archival)'
a-2u\t'PDF/A-2u (archival, text extractable)'
a-3b\t'PDF/A-3b'
ua-1\t'PDF/UA-1 (accessible)'"
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l wrap -d 'Text output: wrap lines at this many display columns (a Chinese character is two), keeping the Chinese line-breaking rules' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l ppi -d 'PNG output: pixels per inch (1 to 1200)' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l pages -d 'PNG/SVG output: the pages to export, e.g. 1 or 1,3-4 (default: all)' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l docx-fonts -d 'DOCX output: the faces to name — office (方正小标宋简体, 仿宋_GB2312 …), shipped (the free faces jianbao ships) or embedded (the shipped faces, embedded in the file, so it looks right where they are not installed)' -r -f -a "office\t'The offices\' own faces'
shipped\t'The free faces jianbao ships'
embedded\t'The shipped faces, embedded in the file'"
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l template -d 'A template to use instead of the shipped one: a folder holding bulletin.typ, or a .typ file. It must define `render(data)`' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l font-path -d 'A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l diagnostics -d 'How to print diagnostics on standard error' -r -f -a "human\t'`file:line:col`, the line with a caret, hints'
json\t'One JSON object per line: file, line, column, severity, message, hints'"
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l force -d 'Rebuild outputs even when their inputs have not changed'
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -s q -l quiet -d 'No progress bar and no summary'
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l link-photos -d 'HTML output: reference photos by their paths instead of embedding them'
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -l strict -d 'Treat warnings (e.g. a character no font has) as errors'
complete -c jianbao -n "__fish_jianbao_using_subcommand build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -s o -l output -d 'Where to write the output; default: beside the input' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -s f -l format -d 'The output format; default: from the extension of -o, else pdf' -r -f -a "pdf\t'PDF, typeset by the Typst template'
html\t'One self-contained HTML file'
txt\t'Plain text, one element per line'
typ\t'A folder with the Typst entry, template and data, for the typst CLI'
png\t'One PNG per page (NAME-1.png, …; or a {p} in -o)'
svg\t'One SVG per page'
docx\t'A Word document (.docx) to keep editing, on the 22 × 28 grid'
ofd\t'OFD (GB/T 33190), the fixed-layout format of e-documents and archives'"
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l pdf-standard -d 'Produce an archival PDF conforming to this standard' -r -f -a "a-2b\t'PDF/A-2b (archival)'
a-2u\t'PDF/A-2u (archival, text extractable)'
a-3b\t'PDF/A-3b'
ua-1\t'PDF/UA-1 (accessible)'"
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l wrap -d 'Text output: wrap lines at this many display columns (a Chinese character is two), keeping the Chinese line-breaking rules' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l ppi -d 'PNG output: pixels per inch (1 to 1200)' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l pages -d 'PNG/SVG output: the pages to export, e.g. 1 or 1,3-4 (default: all)' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l docx-fonts -d 'DOCX output: the faces to name — office (方正小标宋简体, 仿宋_GB2312 …), shipped (the free faces jianbao ships) or embedded (the shipped faces, embedded in the file, so it looks right where they are not installed)' -r -f -a "office\t'The offices\' own faces'
shipped\t'The free faces jianbao ships'
embedded\t'The shipped faces, embedded in the file'"
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l template -d 'A template to use instead of the shipped one: a folder holding bulletin.typ, or a .typ file. It must define `render(data)`' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l font-path -d 'A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l diagnostics -d 'How to print diagnostics on standard error' -r -f -a "human\t'`file:line:col`, the line with a caret, hints'
json\t'One JSON object per line: file, line, column, severity, message, hints'"
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l open -d 'Open the output in the system viewer after the first build'
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l link-photos -d 'HTML output: reference photos by their paths instead of embedding them'
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -l strict -d 'Treat warnings (e.g. a character no font has) as errors'
complete -c jianbao -n "__fish_jianbao_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand check" -l template -d 'A template to use instead of the shipped one: a folder holding bulletin.typ, or a .typ file. It must define `render(data)`' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand check" -l font-path -d 'A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand check" -l diagnostics -d 'How to print diagnostics on standard error' -r -f -a "human\t'`file:line:col`, the line with a caret, hints'
json\t'One JSON object per line: file, line, column, severity, message, hints'"
complete -c jianbao -n "__fish_jianbao_using_subcommand check" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand check" -l strict -d 'Treat warnings (e.g. a character no font has) as errors'
complete -c jianbao -n "__fish_jianbao_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand import" -s o -l output -d 'Where to write the YAML (`-` for standard output); default: beside the input with the extension .yaml (standard output for standard input)' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand import" -l diagnostics -d 'How to print diagnostics on standard error' -r -f -a "human\t'`file:line:col`, the line with a caret, hints'
json\t'One JSON object per line: file, line, column, severity, message, hints'"
complete -c jianbao -n "__fish_jianbao_using_subcommand import" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand import" -l force -d 'Overwrite the output file if it exists'
complete -c jianbao -n "__fish_jianbao_using_subcommand import" -l no-leads -d 'Do not look for lead sentences (段首句); keep every paragraph whole'
complete -c jianbao -n "__fish_jianbao_using_subcommand import" -l strict -d 'Fail if any line of the input could not be placed'
complete -c jianbao -n "__fish_jianbao_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand fonts" -l font-path -d 'A folder of fonts (searched recursively) preferred over the shipped faces, e.g. one holding 方正小标宋简体 and 仿宋_GB2312. Repeatable' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand fonts" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand fonts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand init" -l date -d 'The first issue\'s date (default: today), e.g. 2025-03-01' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand init" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand new" -l from -d 'Start from this issue instead of the folder\'s latest' -r -F
complete -c jianbao -n "__fish_jianbao_using_subcommand new" -l date -d 'The new issue\'s date (default: today), e.g. 2025-03-01' -r
complete -c jianbao -n "__fish_jianbao_using_subcommand new" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand new" -l supplement -d 'Make the next supplement (增刊) instead of the next regular issue'
complete -c jianbao -n "__fish_jianbao_using_subcommand new" -l special -d 'Make the next special issue (专刊)'
complete -c jianbao -n "__fish_jianbao_using_subcommand new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand schema" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand schema" -l series -d 'The schema of series.yaml instead'
complete -c jianbao -n "__fish_jianbao_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand completions" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand man" -l lang -d 'Language of messages: en or zh (default: from LANG/LC_ALL; zh_* is Chinese)' -r -f -a "en\t'English'
zh\t'简体中文'"
complete -c jianbao -n "__fish_jianbao_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "build" -d 'Builds issues into PDF, HTML or text (ISSUE.yaml → ISSUE.pdf beside it; folders and several files are built as a batch)'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "watch" -d 'Builds an issue, then rebuilds it whenever it, its series file, the template or a photo changes'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "check" -d 'Checks issues (YAML, series file, layout) without writing anything'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "import" -d 'Reads a past issue\'s plain text back into a YAML source'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "fonts" -d 'Lists the face chosen for each typeface role and where it came from'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "init" -d 'Creates a new series folder: series.yaml and a first issue, ready to build'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "new" -d 'Writes the next issue from the latest one in a folder: number + 1, today\'s date, the same settings, an article skeleton'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "schema" -d 'Prints the JSON Schema of issue files (or of series files) for editors'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "completions" -d 'Prints a shell completion script (e.g. `jianbao completions bash`)'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "man" -d 'Prints the manual page (roff) on standard output'
complete -c jianbao -n "__fish_jianbao_using_subcommand help; and not __fish_seen_subcommand_from build watch check import fonts init new schema completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
