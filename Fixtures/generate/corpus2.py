"""The second fixture set as data: the 2023 and 2025 individual forms, the collective reports
(Mẫu 01) and the invalid files written on those templates.

Same conventions as corpus.py (which it imports for the shared labels, organisations and pools).
Text may carry {y} (the review year), {y0} (the year before) and {y1} (the year after).

Labels of the 2023 / 2025 templates follow docs/domain.md §2.2, docs/forms-2025.md and the layout
fixed for the extractor (the 2025 layout is inferred: forms-2025.md marks it unknown).
"""

import corpus as C

# ---------------------------------------------------------------------------------------------
# Template labels
# ---------------------------------------------------------------------------------------------

TEMPLATES = {
    # template: (form code, subtitle under "Năm …", I.1 heading, I.2 heading, VII heading,
    #            civil-servant group label (None: no such line), party-member group label)
    "02A-2023": ("Mẫu 02A-HD KĐ.ĐG 2023", "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)"),
    "02B-2023": ("Mẫu 02B-HD KĐ.ĐG 2023", "(Cá nhân giữ chức vụ lãnh đạo, quản lý)"),
    # HD 43 (2025) letters: 2A the leader, 2B the member without a post, 2C outside the political
    # system; the code printed with or without its leading zero (docs/forms-2025.md §0).
    "2A-2025": ("Mẫu 2A-HD KĐ.ĐG 2025", "(Cá nhân giữ chức vụ lãnh đạo, quản lý)"),
    "2B-2025": ("Mẫu 02B-HD KĐ.ĐG 2025", "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)"),
    "2C-2025": ("Mẫu 2C-HD KĐ.ĐG 2025", "(Đảng viên không làm việc trong hệ thống chính trị)"),
}
CODE_2A_ZERO = "Mẫu 02A-HD KĐ.ĐG 2025"

# The 2025 forms as HD 43 prints them: the title, part A (sections I–VI), part B (the score groups
# and the proposed level; the member's own level is the one proposed here).
TITLE_2025 = "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN"
PART_A = "A. NỘI DUNG KIỂM ĐIỂM"
PART_B = "B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI"
B_I = "I. Đánh giá theo các nhóm tiêu chí"
B_GENERAL = "Nhóm tiêu chí chung"
B_RESULTS = "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ"
B_TOTAL = "Tổng điểm"
B_II = "II. Đề xuất xếp loại mức chất lượng:"

ITEM_I1_2023 = ("Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; tinh thần đoàn kết, "
                "thống nhất trong nội bộ; trách nhiệm nêu gương; việc thực hiện những điều đảng viên không được làm; "
                "tác phong, lề lối làm việc")
ITEM_I2_2023 = "Về kết quả thực hiện chức trách, nhiệm vụ được giao"
ITEM_I1_2C = ("Về tư tưởng chính trị, phẩm chất đạo đức, lối sống, ý thức tổ chức kỷ luật; tinh thần đoàn kết, "
              "thống nhất trong nội bộ; trách nhiệm nêu gương; việc thực hiện những điều đảng viên không được làm")
ITEM_I2_2C = "Về thực hiện nhiệm vụ được giao tại nơi làm việc, nơi cư trú"

SEC_VII_2025 = "VII. Tự chấm điểm và tự nhận mức xếp loại chất lượng"
SCORE_LABEL = "1. Tự chấm điểm theo thang điểm 100:"
SCORE_HEADER = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"]
SCORE_TOTAL = "Tổng cộng"
VII_CIVIL_2025 = "2. Xếp loại cán bộ, công chức, viên chức:"
VII_PARTY_2025 = "3. Xếp loại đảng viên:"
VII_PARTY_2C = "2. Xếp loại đảng viên:"


def labels(tpl):
    """(I.1 heading, I.2 heading, VII heading, civil label or None, party label)"""
    if tpl.endswith("2023"):
        return ITEM_I1_2023, ITEM_I2_2023, C.SEC_VII, C.VII1_LABEL, C.VII2_LABEL
    if tpl == "2C-2025":
        return ITEM_I1_2C, ITEM_I2_2C, PART_B, None, B_II
    return ITEM_I1_2023, ITEM_I2_2023, PART_B, None, B_II


# ---------------------------------------------------------------------------------------------
# Organisations per review year (the 2020 ones are corpus.CELLS)
# ---------------------------------------------------------------------------------------------

def _cells(year, dates):
    out = {}
    for key, base in C.CELLS.items():
        c = dict(base)
        c["cell_date"], c["committee_date"] = dates[key]
        out[key] = c
    return out


CELLS_BY_YEAR = {
    2020: C.CELLS,
    2023: _cells(2023, {"VP": ((18, 12, 2023), (27, 12, 2023)), "TC": ((19, 12, 2023), (27, 12, 2023)),
                        "T1": ((20, 12, 2023), (5, 1, 2024))}),
    2025: _cells(2025, {"VP": ((16, 12, 2025), (29, 12, 2025)), "TC": ((17, 12, 2025), (29, 12, 2025)),
                        "T1": ((15, 12, 2025), (5, 1, 2026))}),
}
CELLS_BY_YEAR[2023]["VP"]["committee_signer"] = CELLS_BY_YEAR[2023]["TC"]["committee_signer"] = "Lê Thị Minh Hằng"
CELLS_BY_YEAR[2025]["VP"]["committee_signer"] = CELLS_BY_YEAR[2025]["TC"]["committee_signer"] = "Lê Thị Minh Hằng"
CELLS_BY_YEAR[2025]["T1"]["committee_signer"] = "Nguyễn Đức Hoàng"
# Lê Đình Khoa succeeded Lê Văn Thành as secretary of Chi bộ Thôn 1 in 2025.
CELLS_BY_YEAR[2025]["T1"]["secretary"], CELLS_BY_YEAR[2025]["T1"]["deputy"] = "Lê Đình Khoa", "Hồ Thị Thanh Tâm"

# ---------------------------------------------------------------------------------------------
# Text pools for 2023 / 2025
# ---------------------------------------------------------------------------------------------

POOL_I2 = {
    "office": [
        "- Tham mưu xây dựng chương trình công tác năm {y} của cơ quan; theo dõi, đôn đốc các phòng thực hiện nhiệm vụ đúng tiến độ.",
        "- Tiếp nhận, xử lý trên 4.100 văn bản đến trên hệ thống quản lý văn bản và điều hành, bảo đảm đúng quy trình và thời hạn.",
        "- Quản lý tài chính, tài sản của cơ quan đúng quy định; lập dự toán năm {y1} và quyết toán ngân sách năm {y0} đúng thời hạn.",
        "- Phối hợp tổ chức các hội nghị tổng kết, sơ kết của ngành bảo đảm chu đáo, tiết kiệm.",
        "Hoàn thành 100% nhiệm vụ được giao trong năm, trong đó nhiều nhiệm vụ hoàn thành trước thời hạn với chất lượng tốt.",
    ],
    "personnel": [
        "- Tham mưu rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025 - 2030 đúng quy trình, công khai, minh bạch.",
        "- Thực hiện việc nâng lương, nghỉ hưu, thôi việc cho cán bộ, công chức đúng quy định, không để tồn đọng hồ sơ.",
        "- Triển khai đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm {y} theo đúng hướng dẫn.",
        "- Tham gia xây dựng đề án sắp xếp tổ chức bộ máy của Sở theo chủ trương của Trung ương và của Tỉnh ủy.",
        "Các nhiệm vụ được giao đều hoàn thành đúng tiến độ, bảo đảm chất lượng.",
    ],
    "teacher": [
        "- Giảng dạy đủ chương trình năm học {y0} - {y}; lớp chủ nhiệm có 100% học sinh hoàn thành chương trình lớp học.",
        "- Thực hiện Chương trình giáo dục phổ thông 2018, đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin trong giảng dạy.",
        "- Bồi dưỡng 03 học sinh đạt giải cấp huyện trong các kỳ thi, hội thi của năm học.",
    ],
    "village": [
        "- Tham gia xây dựng nông thôn mới nâng cao, đóng góp ngày công làm đường bê tông liên xóm.",
        "- Thực hiện tốt nhiệm vụ chi bộ phân công phụ trách nhóm hộ, nắm bắt tình hình nhân dân và phản ánh kịp thời với chi ủy.",
        "- Vận động gia đình và các hộ trong xóm hoàn thành các khoản đóng góp theo quy định của địa phương.",
    ],
    "retired": [
        "- Tham gia sinh hoạt chi bộ đầy đủ; đóng góp nhiều ý kiến xây dựng chi bộ và thôn.",
        "- Tham gia Tổ hòa giải ở cơ sở, góp phần giải quyết ổn thỏa các vụ việc mâu thuẫn nhỏ trong khu dân cư.",
        "- Giáo dục con cháu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    ],
    "coop": [
        "- Tại nơi làm việc: phụ trách khâu dịch vụ vật tư nông nghiệp của Hợp tác xã, cung ứng kịp thời giống, phân bón cho xã viên, doanh thu năm {y} tăng 12%.",
        "- Tại nơi cư trú: tham gia đầy đủ các phong trào của thôn, giữ mối liên hệ thường xuyên với chi ủy nơi cư trú.",
        "- Thực hiện tốt nhiệm vụ đảng viên được chi bộ phân công.",
    ],
}

POOL_COMMIT = [
    "Thực hiện đầy đủ các nội dung đã cam kết tu dưỡng, rèn luyện, phấn đấu năm {y}; không vi phạm những điều đảng viên không được làm.",
    "Đã hoàn thành các nội dung cam kết đầu năm, tích cực đăng ký và thực hiện việc làm cụ thể theo chủ đề năm {y}.",
    "Cơ bản thực hiện được các nội dung cam kết; việc tự học tập nâng cao trình độ chưa đạt như mong muốn.",
]

POOL_II2 = [
    "- Nguyên nhân khách quan: khối lượng công việc nhiều, nhiều nhiệm vụ đột xuất.",
    "- Nguyên nhân chủ quan: bản thân chưa sắp xếp thời gian hợp lý; đôi lúc chưa quyết liệt trong công việc.",
    "Chủ yếu do nguyên nhân chủ quan, bản thân chưa thật sự quyết tâm khắc phục.",
]

POOL_III = [
    "Những hạn chế, khuyết điểm được chỉ ra tại kỳ kiểm điểm năm {y0} đã được bản thân nghiêm túc khắc phục, có chuyển biến rõ rệt.",
    "Năm {y0}, bản thân không có hạn chế, khuyết điểm nào phải khắc phục theo kết luận của cấp có thẩm quyền.",
    "Đã xây dựng kế hoạch khắc phục hạn chế được chỉ ra năm {y0}; đến nay cơ bản đã khắc phục được.",
]

LEADER_TEXT = {
    ("Nguyễn Văn An", 2023): {
        "I.3": ["- Lãnh đạo Văn phòng hoàn thành toàn bộ kế hoạch công tác năm 2023; phân công nhiệm vụ rõ người, rõ việc."],
        "I.4": ["- Chủ động đề xuất số hóa hồ sơ lưu trữ của cơ quan giai đoạn 2011 - 2020."],
        "I.5": ["- Bản thân và gia đình gương mẫu; kê khai tài sản, thu nhập đầy đủ, đúng hạn."],
        "V": ["Là Bí thư Chi bộ, bản thân chịu trách nhiệm chính đối với hạn chế của chi bộ về nội dung sinh hoạt chuyên đề chưa phong phú."],
    },
    ("Lê Quang Huy", 2023): {
        "I.3": ["- Phụ trách tài chính, quản trị; chỉ đạo quyết toán ngân sách năm 2022 và lập dự toán năm 2024 đúng hạn, không có sai sót.",
                "- Chỉ đạo hoàn thành sửa chữa trụ sở cơ quan đúng tiến độ, tiết kiệm 6% kinh phí được duyệt."],
        "I.4": ["- Đề xuất và tổ chức thực hiện quy chế chi tiêu nội bộ sửa đổi, được tập thể cơ quan thống nhất cao."],
        "I.5": ["- Gương mẫu trong công việc và sinh hoạt, được cán bộ, đảng viên trong cơ quan tín nhiệm."],
        "V": None,
    },
    ("Đặng Văn Hùng", 2023): {
        "I.3": ["- Lãnh đạo Phòng Tổ chức cán bộ hoàn thành rà soát, bổ sung quy hoạch cán bộ và đánh giá cán bộ năm 2023."],
        "I.4": ["- Dám chịu trách nhiệm trong tham mưu giải quyết các trường hợp phức tạp về chế độ, chính sách."],
        "I.5": ["- Bản thân và gia đình gương mẫu; không có biểu hiện tiêu cực trong công tác cán bộ."],
        "V": None,
    },
    ("Ngô Đức Thắng", 2025): {
        "I.3": ["- Được giao phụ trách Phòng Tổ chức cán bộ từ tháng 3 năm 2025; chỉ đạo hoàn thành sắp xếp tổ chức bộ máy của Sở theo mô hình mới.",
                "- Giữ vững đoàn kết nội bộ trong quá trình sắp xếp, không có đơn thư khiếu nại."],
        "I.4": ["- Chủ động đề xuất phương án bố trí cán bộ dôi dư sau sắp xếp, được lãnh đạo Sở chấp thuận."],
        "I.5": ["- Thực hiện nghiêm quy định về kê khai tài sản, thu nhập và trách nhiệm nêu gương."],
        "V": ["Bản thân chịu trách nhiệm người đứng đầu đối với hạn chế của phòng trong việc cập nhật cơ sở dữ liệu cán bộ còn chậm."],
    },
    ("Nguyễn Văn An", 2025): {
        "I.3": ["- Lãnh đạo Văn phòng hoàn thành kế hoạch công tác năm 2025, bảo đảm hoạt động của cơ quan sau sắp xếp."],
        "I.4": ["- Triển khai ký số và lưu trữ điện tử toàn bộ văn bản đi của cơ quan."],
        "I.5": ["- Bản thân và gia đình gương mẫu chấp hành quy định nơi cư trú; công khai, minh bạch trong mua sắm tài sản."],
        "V": None,
    },
}

SCORE_I = ("I", "Nhóm tiêu chí chung", "30")
SCORE_II = ("II", "Nhóm tiêu chí về kết quả thực hiện nhiệm vụ", "70")


def score_rows(general, results=None, split=None, total=None):
    """Part B's three printed numbers as written: (general …/30, results …/70, total …/100); split
    = [(tt, criterion, max, self)] is the member's own working for the results group, summed."""
    if split:
        value = sum(float(me.replace(",", ".")) for _, _, _, me in split)
        results = (str(int(value)) if value == int(value) else str(value)).replace(".", ",")
    return (general, results, total)


G, E, A = "good", "excellent", "average"
S = "satisfactory"

# ---------------------------------------------------------------------------------------------
# Individual forms. Keys as corpus.MEMBERS, plus:
#   tpl       template (contract vocabulary)       year   review year
#   checkbox  wordxml only: sdt (w14:checkbox content controls, ☒/☐ in MS Gothic) | sym (Wingdings F0FE/F0A8)
#   score     2025: score_rows(…)
#   ratings   may be {} on 2025 forms: no rating rows written
#   invalid   None | "two_party_boxes" | "date_order" | "dob"
# ---------------------------------------------------------------------------------------------

MEMBERS = [
    # ---------------- 2023, Đảng bộ Khối ----------------
    dict(file="nguyen-van-an-2023", tpl="02B-2023", year=2023, cell="VP", writer="python-docx", header="table",
         case="upper", code=True, year_style="Năm 2023", identity="inline", dob_style="slash", ticks="glyph",
         boxes="same", signature="table", zero=True,
         name="Nguyễn Văn An", dob=(12, 5, 1980), date=(11, 12, 2023),
         party_position="Bí thư Chi bộ", government_position="Chánh Văn phòng",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=True, pick=0,
         ratings={"I.1": G, "I.2": G, "I.3": G, "I.4": G, "I.5": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="le-quang-huy-2023", tpl="02B-2023", year=2023, cell="VP", writer="wordxml", checkbox="sdt",
         header="table", case="mixed", code=True, year_style="Năm: 2023", identity="lines", dob_style="slash",
         ticks="glyph", boxes="lines", signature="table", zero=True,
         name="Lê Quang Huy", dob=(21, 1, 1975), date=(12, 12, 2023),
         party_position="Phó Bí thư Chi bộ", government_position="Phó Chánh Văn phòng",
         mass_position="Chủ tịch Công đoàn cơ quan", work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=True, pick=1,
         ratings={"I.1": G, "I.2": E, "I.3": E, "I.4": G, "I.5": G, "III": G}, explanations=["Không có."],
         civil=E, party=E, cell_review=G, committee=G),       # committee ≠ self → LEVEL_DIFFERS_FROM_SELF
    dict(file="dang-van-hung-2023", tpl="02B-2023", year=2023, cell="TC", writer="libreoffice", header="para",
         case="upper", code=False, year_style="Năm 2023", identity="lines", dob_style="words", ticks="typed",
         boxes="same", signature="para", zero=False,
         name="Đặng Văn Hùng", dob=(2, 3, 1972), date=(8, 12, 2023),
         party_position="Bí thư Chi bộ", government_position="Trưởng phòng Tổ chức cán bộ",
         mass_position=None, work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=True, pick=2,
         ratings={"I.1": G, "I.2": G, "I.3": G, "I.4": G, "I.5": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=None),
    dict(file="tran-thi-bich-ngoc-2023", tpl="02A-2023", year=2023, cell="VP", writer="libreoffice",
         header="table", case="mixed", code=True, year_style="Năm 2023", identity="inline", dob_style="dash",
         ticks="glyph", boxes="lines", signature="table", zero=False,
         name="Trần Thị Bích Ngọc", dob=(3, 9, 1986), date=(7, 12, 2023),
         party_position="Chi ủy viên", government_position="Chuyên viên chính",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=3,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="bui-thi-mai-anh-2023", tpl="02A-2023", year=2023, cell="TC", writer="wordxml", checkbox="sym",
         header="para", case="upper", code=False, year_style="Năm: 2023", identity="lines", dob_style="dash",
         ticks="glyph", boxes="same", signature="para", zero=True,
         name="Bùi Thị Mai Anh", dob=(19, 8, 1988), date=(6, 12, 2023),
         party_position="Đảng viên", government_position="Chuyên viên",
         mass_position="Bí thư Chi đoàn", work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=False, pick=4,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=None, committee=None),
    dict(file="do-thi-hong-nhung-2023", tpl="02A-2023", year=2023, cell="TC", writer="python-docx",
         header="para", case="mixed", code=True, year_style="Năm 2023", identity="lines", dob_style="slash",
         ticks="typed", boxes="same", signature="para", zero=True,
         name="Đỗ Thị Hồng Nhung", dob=(7, 6, 1993), date=(9, 12, 2023),
         party_position="Đảng viên", government_position="Chuyên viên",
         mass_position="Ủy viên Ban Chấp hành Công đoàn cơ quan", work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=False, pick=5,
         ratings={"I.1": G, "I.2": A, "III": G}, explanations=None,
         civil=S, party=S, cell_review=S, committee=S),

    # ---------------- 2025 ----------------
    dict(file="ngo-duc-thang-2025", tpl="2A-2025", code_text=CODE_2A_ZERO, year=2025, cell="TC", writer="python-docx", header="table",
         case="upper", code=True, year_style="Năm 2025", identity="lines", dob_style="dash", ticks="glyph",
         boxes="lines", signature="table", zero=True,
         name="Ngô Đức Thắng", dob=(25, 12, 1979), date=(10, 12, 2025),
         party_position="Bí thư Chi bộ", government_position="Trưởng phòng Tổ chức cán bộ",
         mass_position=None, work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=True, pick=6,
         ratings={"I.1": G, "I.2": G, "I.3": G, "I.4": G, "I.5": G, "III": G}, explanations=None,
         score=score_rows("27,5", split=[("1", "Kết quả thực hiện nhiệm vụ được giao", "40", "35"),
                                         ("2", "Kết quả lãnh đạo, quản lý đơn vị", "30", "24")], total="86,5"),
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="nguyen-van-an-2025", tpl="2A-2025", b_table=True, year=2025, cell="VP", writer="wordxml", checkbox="sdt",
         header="table", case="upper", code=True, year_style="Năm 2025", identity="inline", dob_style="slash",
         ticks="glyph", boxes="same", signature="table", zero=True,
         name="Nguyễn Văn An", dob=(12, 5, 1980), date=(9, 12, 2025),
         party_position="Bí thư Chi bộ", government_position="Chánh Văn phòng",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=True, pick=7,
         ratings={}, explanations=None,
         score=score_rows("27", split=[("1", "Kết quả thực hiện nhiệm vụ được giao", "30", "26"),
                                       ("2", "Kết quả lãnh đạo, quản lý đơn vị", "30", "25"),
                                       ("3", "Trách nhiệm nêu gương; phòng, chống tham nhũng, lãng phí, tiêu cực", "10", "9")],
                          total="87"),
         civil=G, party=G, cell_review=G, committee=None),
    dict(file="ho-thi-thanh-tam-2025", tpl="2B-2025", year=2025, cell="T1", writer="python-docx", header="para",
         case="upper", code=True, year_style="Năm: 2025", identity="inline", dob_style="slash", ticks="glyph",
         boxes="same", signature="para", zero=False,
         name="Hồ Thị Thanh Tâm", dob=(28, 2, 1985), date=(12, 12, 2025),
         party_position="Phó Bí thư Chi bộ", government_position="Giáo viên",
         mass_position=None, work_unit="Trường Tiểu học Triệu Phong",
         role="teacher", leader=False, pick=8,
         ratings={"I.1": G, "I.2": E, "III": G}, explanations=None,
         # self-assessed excellent with 85 points (band 70–<90) and a committee decision of excellent:
         # the 2025 band allows good: the decision stays, DECISION_CONFLICTS_WITH_RULE
         score=score_rows("26", "59", total="85"), capped=True,
         civil=E, party=E, cell_review=E, committee=E),
    dict(file="pham-thi-thu-ha-2025", tpl="2B-2025", b_table=True, year=2025, cell="VP", writer="libreoffice", header="table",
         case="mixed", code=True, year_style="Năm 2025", identity="lines", dob_style="slash", ticks="glyph",
         boxes="lines", signature="table", zero=True,
         name="Phạm Thị Thu Hà", dob=(30, 11, 1990), date=(11, 12, 2025),
         party_position="Đảng viên", government_position="Kế toán",
         mass_position="Bí thư Chi đoàn", work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=9,
         ratings={}, explanations=None, score=score_rows("27", "51,5", total="78,5"),
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="vo-thi-lan-2025", tpl="2B-2025", year=2025, cell="VP", writer="wordxml", checkbox="sym",
         header="para", case="upper", code=True, year_style="Năm 2025", identity="lines", dob_style="words",
         ticks="glyph", boxes="lines", signature="para", zero=False,
         name="Võ Thị Lan", dob=(14, 7, 1968), date=(10, 12, 2025),
         party_position="Đảng viên", government_position="Nhân viên văn thư",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=10,
         ratings={"I.1": G, "I.2": A, "III": A}, explanations=None, score=score_rows("24", "41", total="65"),
         civil=S, party=S, cell_review=S, committee=S),
    dict(file="tran-van-dung-2025", tpl="2C-2025", year=2025, cell="T1", writer="libreoffice", header="para",
         case="mixed", code=True, year_style="Năm 2025", identity="inline", dob_style="slash", ticks="typed",
         boxes="same", signature="para", zero=True,
         name="Trần Văn Dũng", dob=(20, 8, 1955), date=(8, 12, 2025),
         party_position="Đảng viên", government_position=None,
         mass_position="Chi hội trưởng Chi hội Người cao tuổi", work_unit=None,
         role="retired", leader=False, pick=11,
         ratings={}, explanations=None, score=score_rows("27", "48", total="75"),
         civil=None, party=G, cell_review=G, committee=G),
    dict(file="phan-thi-kim-oanh-2025", tpl="2C-2025", year=2025, cell="T1", writer="wordxml", checkbox="sdt",
         header="table", case="upper", code=True, year_style="Năm: 2025", identity="lines", dob_style="dash",
         ticks="glyph", boxes="same", signature="table", zero=True,
         name="Phan Thị Kim Oanh", dob=(11, 3, 1991), date=(9, 12, 2025),
         party_position="Đảng viên", government_position=None,
         mass_position="Phó Bí thư Chi đoàn Thôn 1", work_unit="Hợp tác xã Nông nghiệp Triệu Phong",
         role="coop", leader=False, pick=12,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None, score=score_rows("28", "55,5", total="83,5"),
         civil=None, party=G, cell_review=G, committee=None),

    # ---------------- invalid forms on the new templates ----------------
    # two boxes ticked in "Xếp loại đảng viên" → AMBIGUOUS_CHOICE self_assessment.party_member_level
    dict(file="hoang-minh-tuan-2023", tpl="02A-2023", year=2023, cell="VP", writer="libreoffice", header="para",
         case="upper", code=True, year_style="Năm 2023", identity="lines", dob_style="slash", ticks="glyph",
         boxes="same", signature="para", zero=True, invalid="two_party_boxes",
         name="Hoàng Minh Tuấn", dob=(5, 2, 1983), date=(8, 12, 2023),
         party_position="Chi ủy viên", government_position="Chuyên viên chính",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=13,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=None, ticked_party=(E, G), cell_review=None, committee=None),
    # committee decision dated before the cell review → DATE_ORDER committee_decision.date
    dict(file="phan-van-long-2023", tpl="02A-2023", year=2023, cell="TC", writer="wordxml", checkbox="sym",
         header="table", case="upper", code=True, year_style="Năm 2023", identity="lines", dob_style="words",
         ticks="glyph", boxes="lines", signature="table", zero=False, invalid="date_order",
         name="Phan Văn Long", dob=(9, 10, 1965), date=(7, 12, 2023), committee_date=(14, 12, 2023),
         party_position="Đảng viên", government_position="Chuyên viên chính",
         mass_position="Chủ tịch Công đoàn cơ quan", work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=False, pick=14,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=["Không có."],
         civil=G, party=G, cell_review=G, committee=G),
    # date of birth 31/11/1980 → INVALID_VALUE member.date_of_birth
    dict(file="nguyen-van-bay-2025", tpl="2C-2025", year=2025, cell="T1", writer="libreoffice", header="table",
         case="upper", code=True, year_style="Năm 2025", identity="lines", dob_style="slash", ticks="glyph",
         boxes="same", signature="table", zero=True, invalid="dob",
         name="Nguyễn Văn Bảy", dob=(31, 11, 1980), date=(10, 12, 2025),
         party_position="Đảng viên", government_position=None,
         mass_position="Tổ trưởng Tổ dân vận thôn", work_unit="Cơ sở sản xuất gạch Triệu Phong",
         role="village", leader=False, pick=15,
         ratings={}, explanations=None, score=score_rows("27", "50", total="77"),
         civil=None, party=G, cell_review=None, committee=None),
]

# ---------------------------------------------------------------------------------------------
# Collective reports (Mẫu 01)
# ---------------------------------------------------------------------------------------------

COLL_TITLE_A = "BÁO CÁO KIỂM ĐIỂM TẬP THỂ CHI ỦY, CHI BỘ"
COLL_TITLE_B = "BÁO CÁO KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TẬP THỂ"
COLL_CODE = "Mẫu 01-HD KĐ.ĐG"
COLL_CODE_2025 = "Mẫu 01-HD KĐ.ĐG 2025"
COLL_TITLE_2025 = "BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ"
COLL_SEC_V_2025 = "V. Trách nhiệm của tập thể, cá nhân"
COLL_SEC_VI_2025 = "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"
MEETING_LABEL = "Ngày họp kiểm điểm:"
COLL_SEC_I = "I. Ưu điểm, kết quả đạt được"
COLL_SEC_II = "II. Hạn chế, khuyết điểm và nguyên nhân"
COLL_SEC_III = "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước"
COLL_SEC_IV = "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)"
COLL_SEC_V = "V. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"
COLL_SEC_VI = "VI. Tự nhận mức xếp loại chất lượng"

COLLECTIVES = [
    dict(file="bao-cao-tap-the-chi-bo-van-phong-2020", dest="inbox-2020", writer="wordxml", checkbox="sdt",
         year=2020, cell="VP", header="table", case="upper", code=True, title=COLL_TITLE_A,
         year_style="Năm 2020", zero=True, date=(10, 12, 2020), meeting=(10, 12, 2020),
         items=[
             ("Về lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan", G,
              ["- Lãnh đạo Văn phòng hoàn thành kế hoạch công tác năm 2020; bảo đảm công tác phòng, chống dịch Covid-19 tại cơ quan.",
               "- Tham mưu tổ chức thành công các hội nghị của ngành trong điều kiện dịch bệnh và mưa lũ."]),
             ("Về công tác chính trị tư tưởng", G,
              ["- Tổ chức cho đảng viên học tập, quán triệt đầy đủ các nghị quyết, chỉ thị của Đảng; nắm bắt kịp thời tư tưởng của đảng viên."]),
             ("Về công tác xây dựng chi bộ, quản lý đảng viên và kiểm tra, giám sát", G,
              ["- Duy trì sinh hoạt chi bộ định kỳ hằng tháng và 04 kỳ sinh hoạt chuyên đề; thực hiện kiểm tra, giám sát 02 đảng viên theo kế hoạch."]),
         ],
         shortcomings=[["- Chất lượng sinh hoạt chuyên đề chưa cao, nội dung có lúc chưa phong phú."],
                       ["- Chi ủy chưa dành nhiều thời gian nghiên cứu, chuẩn bị nội dung sinh hoạt."]],
         remediation=("Hạn chế về việc ban hành nghị quyết chuyên đề chậm được chỉ ra năm 2019 đã được khắc phục.", G),
         explanations=["Không có."],
         plan=["- Đổi mới nội dung, hình thức sinh hoạt chi bộ, nâng cao chất lượng sinh hoạt chuyên đề.",
               "- Tăng cường công tác kiểm tra, giám sát đảng viên."],
         level=G, boxes="lines", signer_role="T/M CHI ỦY", signer_title="BÍ THƯ", signer="Nguyễn Văn An",
         signature="table"),
    dict(file="bao-cao-tap-the-chi-bo-van-phong-2023", dest="forms", writer="libreoffice",
         year=2023, cell="VP", header="para", case="mixed", code=False, title=COLL_TITLE_B,
         year_style="Năm: 2023", zero=False, date=(5, 12, 2023), meeting=(12, 12, 2023),
         items=[
             ("Về lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, đơn vị", E,
              ["- Lãnh đạo Văn phòng hoàn thành vượt mức kế hoạch công tác năm 2023; 100% nhiệm vụ hoàn thành đúng hạn, 35% vượt tiến độ.",
               "- Văn phòng được Ủy ban nhân dân tỉnh tặng Bằng khen."]),
             ("Về công tác chính trị tư tưởng; xây dựng, chỉnh đốn Đảng", G,
              ["- Quán triệt kịp thời Quy định số 124-QĐ/TW và các văn bản của cấp trên; không có đảng viên vi phạm."]),
             ("Về công tác tổ chức, cán bộ, đảng viên và kiểm tra, giám sát", G,
              ["- Kết nạp 01 đảng viên mới; thực hiện kiểm tra, giám sát theo đúng kế hoạch."]),
             ("Về lãnh đạo công tác dân vận và các đoàn thể", G,
              ["- Lãnh đạo Công đoàn, Chi đoàn cơ quan hoạt động hiệu quả, đều được xếp loại hoàn thành tốt nhiệm vụ."]),
         ],
         shortcomings=[["- Việc ứng dụng công nghệ thông tin trong quản lý đảng viên còn hạn chế."],
                       ["- Nguyên nhân: một số đảng viên lớn tuổi chưa thành thạo phần mềm."]],
         remediation=("Các hạn chế được chỉ ra tại kỳ kiểm điểm năm 2022 đã được khắc phục.", G),
         explanations=[],
         plan=["- Đẩy mạnh chuyển đổi số trong công tác đảng; tập huấn sử dụng Sổ tay đảng viên điện tử."],
         level=E, boxes="same", signer_role="T/M CHI BỘ", signer_title="BÍ THƯ", signer="Nguyễn Văn An",
         signature="para"),
    dict(file="bao-cao-tap-the-chi-bo-thon-1-2025", dest="forms", writer="python-docx",
         year=2025, cell="T1", header="table", case="upper", code=True, title=COLL_TITLE_2025,
         year_style="Năm 2025", zero=True, date=(6, 12, 2025), meeting=(9, 12, 2025),
         items=[
             ("Về lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội, quốc phòng, an ninh ở thôn", G,
              ["- Lãnh đạo nhân dân trong thôn hoàn thành các chỉ tiêu năm 2025; thu nhập bình quân đầu người tăng 8%.",
               "- Hoàn thành bê tông hóa 1,2 km đường liên xóm."]),
             ("Về công tác xây dựng Đảng và hệ thống chính trị", G,
              ["- Duy trì sinh hoạt chi bộ đều đặn; kết nạp 01 đảng viên mới; các đoàn thể của thôn hoạt động có hiệu quả."]),
         ],
         shortcomings=[["- Tỷ lệ đảng viên tham gia sinh hoạt có lúc chưa cao."],
                       ["- Nguyên nhân: một số đảng viên đi làm ăn xa."]],
         remediation=("Hạn chế về phát triển đảng viên mới được chỉ ra năm 2024 đã được khắc phục một phần.", G),
         explanations=["Về gợi ý kiểm điểm của Đảng ủy xã liên quan đến việc thu quỹ xây dựng thôn, chi bộ đã chỉ đạo công khai các khoản thu, chi trước nhân dân tại hội nghị thôn tháng 9 năm 2025."],
         responsibility=["- Chi ủy chịu trách nhiệm chung về hạn chế trong quản lý đảng viên đi làm ăn xa; đồng chí Bí thư trực tiếp phụ trách việc khắc phục."],
         score=score_rows("27", "61", total="88"),
         plan=["- Tăng cường quản lý đảng viên đi làm ăn xa; duy trì liên lạc qua nhóm Zalo của chi bộ.",
               "- Tiếp tục tạo nguồn phát triển đảng viên trong đoàn viên thanh niên."],
         level=G, boxes="lines", signer_role="T/M CHI ỦY", signer_title="BÍ THƯ", signer="Lê Đình Khoa",
         signature="table"),
]
