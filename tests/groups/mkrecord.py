# tests/groups/mkrecord.py LARGE OUT: samples/large.xml with each item's
# title prefixed by a group name ("Ca — …"), the names taken in turn from a
# list whose order is not the Vietnamese alphabet's: letters with breve and
# circumflex, D and Đ, U and Ư, and one syllable under each of the six tones.
import re, sys
NAMES = ["Đào tạo", "Cá", "Ưu đãi", "Dữ liệu", "Cạ", "Ấn phẩm", "Ca", "Báo cáo", "Cả",
         "Ứng dụng", "Ăn uống", "Cà", "Uỷ quyền", "An toàn", "Cã"]
src = open(sys.argv[1], encoding="utf-8").read()
k = [0]
def prefix(m):
    name = NAMES[k[0] % len(NAMES)]
    k[0] += 1
    return m.group(1) + name + " — " + m.group(2)
out = re.sub(r"(<item [^>]*>\s*<title>)([^<]*)", prefix, src)
open(sys.argv[2], "w", encoding="utf-8").write(out)
