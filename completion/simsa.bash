# bash completion for simsa(1): commands, subcommands, options and file names.
# Installed as share/bash-completion/completions/simsa; the lists follow `simsa --help`
# (tests/cli/completion.sh checks that they do).

_simsa_commands="init program person budget app docs check finance review panel conflict bonus
score rank tie forfeit verify backup finalize plan agree inspect pack sheet export notify ssh-setup demo"

# The subcommands of a family; empty for a command without subcommands.
_simsa_subcommands() {
    case $1 in
    program) echo "list show check" ;;
    person) echo "add list key" ;;
    plan) echo "require done failed" ;;
    budget) echo "set" ;;
    app) echo "import list show contact" ;;
    docs | finance | score) echo "import" ;;
    check) echo "set" ;;
    review) echo "run" ;;
    panel) echo "add assign order" ;;
    conflict) echo "add" ;;
    bonus) echo "set clear" ;;
    tie) echo "resolve" ;;
    inspect) echo "add" ;;
    sheet) echo "export import" ;;
    esac
}

# The options of one command ("app list", "rank", ...).
_simsa_options() {
    case $1 in
    init) echo "--program --budget" ;;
    "person add") echo "--role --passphrase-file" ;;
    "person list") echo "--roster" ;;
    verify) echo "--roster --head --full --checkpoint" ;;
    "app list") echo "--csv" ;;
    "app contact") echo "--name --email" ;;
    rank) echo "--csv --revision" ;;
    "panel add") echo "--field" ;;
    "check set") echo "--note" ;;
    "conflict add" | "tie resolve" | forfeit) echo "--reason" ;;
    "bonus set") echo "--note" ;;
    "inspect add") echo "--date --team --notes-file --finding --fact" ;;
    pack) echo "-o --force" ;;
    "plan require") echo "--due --text" ;;
    ssh-setup) echo "--keys --simsa" ;;
    "sheet export") echo "-o --key --force" ;;
    export) echo "--csv --force" ;;
    backup) echo "--force" ;;
    agree) echo "--date" ;;
    notify) echo "-o --changed --since" ;;
    esac
}

# _simsa_words WORDS CUR: the words that start with CUR.
_simsa_words() {
    mapfile -t COMPREPLY < <(compgen -W "$1" -- "$2")
}

# _simsa_files CUR [EXT]: file names (ending in .EXT when given) added to the reply, with
# directories so a path can be walked.
_simsa_files() {
    local more
    compopt -o filenames 2>/dev/null
    if [[ -n $2 ]]; then
        mapfile -t more < <(compgen -f -X "!*.$2" -- "$1"; compgen -d -- "$1")
    else
        mapfile -t more < <(compgen -f -- "$1")
    fi
    COMPREPLY+=("${more[@]}")
}

# _simsa_programs CUR: a built-in call (as `simsa program list` names them) or a definition file.
_simsa_programs() {
    local ids
    ids=$("${COMP_WORDS[0]}" program list 2>/dev/null | cut -f1)
    _simsa_words "$ids" "$1"
    _simsa_files "$1" ini
}

_simsa() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    local i=1 word cmd="" sub="" nargs=0
    COMPREPLY=()

    # Global options and their values come before the command.
    while ((i < COMP_CWORD)); do
        word=${COMP_WORDS[i]}
        case $word in
        -d | --as | --passphrase-file) ((i += 2)) ;;
        -*) ((i++)) ;;
        *) break ;;
        esac
    done
    if ((i < COMP_CWORD)); then
        cmd=${COMP_WORDS[i]}
        ((i++))
        if [[ -n $(_simsa_subcommands "$cmd") ]] && ((i < COMP_CWORD)); then
            sub=${COMP_WORDS[i]}
            ((i++))
        fi
        nargs=$((COMP_CWORD - i))
    fi

    case $prev in
    -d | --passphrase-file | --notes-file | -o)
        _simsa_files "$cur"
        return
        ;;
    --as | --reason | --note | --team | --finding | --fact | --date | --budget)
        return
        ;;
    --role)
        _simsa_words "judge secretariat inspector" "$cur"
        return
        ;;
    --program)
        _simsa_programs "$cur"
        return
        ;;
    --csv)
        if [[ $cmd == export ]]; then
            _simsa_files "$cur" csv
            return
        fi
        ;;
    esac

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            _simsa_words "-d --as --passphrase-file --help --version" "$cur"
        else
            _simsa_words "$_simsa_commands" "$cur"
        fi
        return
    fi
    if [[ -n $(_simsa_subcommands "$cmd") && -z $sub ]]; then
        _simsa_words "$(_simsa_subcommands "$cmd")" "$cur"
        return
    fi

    local name=$cmd${sub:+ $sub}
    if [[ $cur == -* ]]; then
        _simsa_words "$(_simsa_options "$name") --help" "$cur"
        return
    fi
    case $name in
    "app import" | "docs import" | "finance import" | "score import") _simsa_files "$cur" csv ;;
    "sheet import") _simsa_files "$cur" sheet ;;
    backup) ((nargs == 0)) && _simsa_files "$cur" ;;
    "program show") ((nargs == 0)) && _simsa_programs "$cur" ;;
    "program check") ((nargs == 0)) && _simsa_files "$cur" ini ;;
    "check set") ((nargs == 2)) && _simsa_words "yes no" "$cur" ;;
    export) _simsa_files "$cur" xlsx ;;
    init | demo) ((nargs == 0)) && _simsa_files "$cur" ;;
    esac
}

complete -F _simsa simsa
