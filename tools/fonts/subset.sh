#!/bin/sh
# Rebuilds assets/fonts/IliSans-Regular.ttf, the one font the window and the
# map painter set text in, from the fonts it is made of and the characters
# the bundled data uses. Run it from anywhere after changing the text of
# scenarios/*.toml, scenarios/encyclopedia/*.toml or
# scenarios/campaign/campaign.toml in a way that brings a new Chinese
# character (go test ./assets says so), then commit the font:
#
#     tools/fonts/subset.sh
#
# It needs (Debian): python3-fonttools, fonts-noto-core (Noto Sans, Noto
# Sans Arabic), fonts-noto-cjk (Noto Sans CJK), and the go command (Go
# Regular comes from the golang.org/x/image module go.mod names). Other
# copies of the fonts can be named by NOTO_SANS, NOTO_SANS_ARABIC and
# NOTO_SANS_CJK (a .ttc whose fourth font is Noto Sans CJK SC), and the
# Python that has fontTools by PYTHON. tools/fonts/build.py does the work;
# its doc comment says what is taken from each font.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

noto_sans=${NOTO_SANS:-/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf}
noto_arabic=${NOTO_SANS_ARABIC:-/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf}
noto_cjk=${NOTO_SANS_CJK:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
go_regular=$(cd "$root" && go list -m -f '{{.Dir}}' golang.org/x/image)/font/gofont/ttfs/Go-Regular.ttf

# The Python with fontTools: pyenv's or another may shadow Debian's.
python=${PYTHON:-}
if [ -z "$python" ]; then
	for p in python3 /usr/bin/python3; do
		if "$p" -c 'import fontTools' 2>/dev/null; then
			python=$p
			break
		fi
	done
fi
if [ -z "$python" ]; then
	echo "subset.sh: no Python with fontTools; apt-get install python3-fonttools" >&2
	exit 1
fi
for f in "$noto_sans" "$noto_arabic" "$noto_cjk" "$go_regular"; do
	if [ ! -f "$f" ]; then
		echo "subset.sh: $f is missing; apt-get install fonts-noto-core fonts-noto-cjk" >&2
		exit 1
	fi
done

out=$root/assets/fonts/IliSans-Regular.ttf
"$python" "$here/build.py" "$out" "$go_regular" "$noto_sans" "$noto_arabic" "$noto_cjk" \
	"$root"/scenarios/*.toml "$root"/scenarios/encyclopedia/*.toml \
	"$root"/scenarios/campaign/*.toml "$root"/lessons/*.toml
ls -l "$out"
