#!/usr/bin/env bash
# generate.sh - makes the zh and en voice packs (manifest.json + 16 kHz mono 16-bit WAV clips)
# reproducibly with espeak-ng and sox. Run from anywhere: sounds/generate.sh
#
# Each clip is spoken alone, its leading and trailing silence trimmed, faded in and out over 5 ms,
# normalised to -3 dBFS and resampled to 16 kHz without dither, so the same tools give the same
# bytes. The player puts word_gap_ms between words and sentence_pause_ms before each sentence.
#
# Mandarin words use espeak-ng's cmn voice in its pinyin variant (cmn-latn-pinyin): the plain
# cmn voice of espeak-ng 1.51 reads many single characters as pinyin followed by an English tone
# number (请 → "qing three"). Letters use the plain cmn voice, which says them as a Chinese hall
# does (A → ei, B → bi).
set -euo pipefail
cd "$(dirname "$0")"
command -v espeak-ng >/dev/null || { echo "generate.sh: espeak-ng is needed" >&2; exit 1; }
command -v sox >/dev/null || { echo "generate.sh: sox is needed" >&2; exit 1; }

RATE=16000
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# clip VOICE SPEED OUT.wav TEXT - speaks TEXT into OUT.wav, trimmed and normalised.
clip() {
    espeak-ng -v "$1" -s "$2" -w "$tmp/raw.wav" -- "$4"
    sox -D "$tmp/raw.wav" -b 16 -c 1 "$3" \
        silence 1 0.001 0.1% reverse silence 1 0.001 0.1% \
        fade h 0.005 reverse fade h 0.005 norm -3 rate -h "$RATE"
}

# chime OUT.wav - the hall's two-tone "ding-dong" (E5 then C5), synthesised.
chime() {
    sox -D -n -r "$RATE" -b 16 -c 1 "$tmp/ding.wav" synth 0.45 sine 659.25 fade q 0.005 0.45 0.4 vol 0.5
    sox -D -n -r "$RATE" -b 16 -c 1 "$tmp/dong.wav" synth 0.7 sine 523.25 fade q 0.005 0.7 0.6 vol 0.5
    sox -D "$tmp/ding.wav" "$tmp/dong.wav" "$1"
}

# pack LANG TEMPLATE WORDS... - writes LANG/: the clips and manifest.json. Each WORD is
# word:file:voice:text (voice "-" for the chime).
pack() {
    local lang=$1 template=$2
    shift 2
    rm -rf "$lang"
    mkdir -p "$lang"
    local entries=() spec word file voice text
    for spec in "$@"; do
        IFS=: read -r word file voice text <<<"$spec"
        if [ "$voice" = "-" ]; then
            chime "$lang/$file"
        else
            clip "$voice" "$speed" "$lang/$file" "$text"
        fi
        entries+=("    \"$word\": \"$file\"")
    done
    {
        echo "{"
        echo "  \"language\": \"$lang\","
        echo "  \"sample_rate\": $RATE,"
        echo "  \"template\": \"$template\","
        echo "  \"repeat\": 2,"
        echo "  \"ticket_digits\": true,"
        echo "  \"word_gap_ms\": 40,"
        echo "  \"sentence_pause_ms\": 600,"
        echo "  \"made_by\": \"sounds/generate.sh: espeak-ng $(espeak-ng --version | sed -E "s/.*: ([0-9.]+).*/\1/"), $(sox --version | sed 's/^sox: *//')\","
        echo "  \"clips\": {"
        local IFS=$'\n'
        echo "${entries[*]}" | sed '$!s/$/,/'
        echo "  }"
        echo "}"
    } >"$lang/manifest.json"
    echo "generate.sh: $lang: ${#entries[@]} clips, $(du -sh "$lang" | cut -f1)"
}

letters() {  # letters VOICE - the letter specs A…Z
    local c
    for c in {A..Z}; do echo "$c:letter_${c,,}.wav:$1:$c"; done
}

# Mandarin.
speed=160
zh=(chime:chime.wav:-:
    请:qing.wav:cmn-latn-pinyin:请 号:hao.wav:cmn-latn-pinyin:号 到:dao.wav:cmn-latn-pinyin:到
    窗口:chuangkou.wav:cmn-latn-pinyin:窗口 办理:banli.wav:cmn-latn-pinyin:办理
    业务:yewu.wav:cmn-latn-pinyin:业务
    零:ling.wav:cmn-latn-pinyin:零 一:yi.wav:cmn-latn-pinyin:一 二:er.wav:cmn-latn-pinyin:二
    三:san.wav:cmn-latn-pinyin:三 四:si.wav:cmn-latn-pinyin:四 五:wu.wav:cmn-latn-pinyin:五
    六:liu.wav:cmn-latn-pinyin:六 七:qi.wav:cmn-latn-pinyin:七 八:ba.wav:cmn-latn-pinyin:八
    九:jiu.wav:cmn-latn-pinyin:九 十:shi.wav:cmn-latn-pinyin:十 百:bai.wav:cmn-latn-pinyin:百)
mapfile -t zh_letters < <(letters cmn)
pack zh "{chime}请{ticket}号到{window}号窗口办理" "${zh[@]}" "${zh_letters[@]}"

# English.
speed=150
en=(chime:chime.wav:-:)
for w in number please go to window hundred zero one two three four five six seven eight nine \
    ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen \
    twenty thirty forty fifty sixty seventy eighty ninety; do
    en+=("$w:$w.wav:en:$w")
done
mapfile -t en_letters < <(letters en)
pack en "{chime} Number {ticket}, please go to window {window}." "${en[@]}" "${en_letters[@]}"
