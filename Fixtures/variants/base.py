"""The base form of every template, as data: what the member, the chi bộ and the committee wrote.

make_variants.py renders each base along the axes of issue 13 and derives the expected JSON from
this data (it is the oracle, not kiemdiem's output). The text is short on purpose: the variants are
committed, and the test reads all of them in `make test`.
"""

LEVELS = [("excellent", "Hoàn thành xuất sắc nhiệm vụ"), ("good", "Hoàn thành tốt nhiệm vụ"),
          ("satisfactory", "Hoàn thành nhiệm vụ"), ("unsatisfactory", "Không hoàn thành nhiệm vụ")]
ABBREVIATION = {"excellent": "HTXSNV", "good": "HTTNV", "satisfactory": "HTNV", "unsatisfactory": "KHTNV"}
RATINGS = [("excellent", "Xuất sắc"), ("good", "Tốt"), ("average", "Trung bình"), ("poor", "Kém")]

TEMPLATES = ["02-2019", "02A-2023", "02B-2023", "2A-2025", "2B-2025", "2C-2025", "01"]

CODE = {"02-2019": "Mẫu 02-HD KĐ.ĐG 2019", "02A-2023": "Mẫu 02A-HD KĐ.ĐG 2023", "02B-2023": "Mẫu 02B-HD KĐ.ĐG 2023",
        "2A-2025": "Mẫu 2A-HD KĐ.ĐG 2025", "2B-2025": "Mẫu 02B-HD KĐ.ĐG 2025", "2C-2025": "Mẫu 2C-HD KĐ.ĐG 2025",
        "01": "Mẫu 01-HD KĐ.ĐG 2025"}
YEAR = {"02-2019": 2021, "02A-2023": 2023, "02B-2023": 2024, "2A-2025": 2025, "2B-2025": 2025, "2C-2025": 2026, "01": 2025}
LEADER = "(Cá nhân giữ chức vụ lãnh đạo, quản lý)"
NON_LEADER = "(Cá nhân không giữ chức vụ lãnh đạo, quản lý)"
OUTSIDE = "(Đảng viên không làm việc trong hệ thống chính trị)"
SUBTITLE = {"02-2019": None, "02A-2023": NON_LEADER, "02B-2023": LEADER, "2A-2025": LEADER, "2B-2025": NON_LEADER,
            "2C-2025": OUTSIDE, "01": None}
TITLE_INDIVIDUAL = "BẢN KIỂM ĐIỂM CÁ NHÂN"
TITLE_2025 = "BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN"
TITLE_COLLECTIVE = "BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ"

COMMITTEE = "ĐẢNG BỘ XÃ TRIỆU PHONG"
CELL = "CHI BỘ THÔN AN HƯNG"
PLACE = "Triệu Phong"

MEMBER = {"full_name": "Lê Thị Hồng Nhung", "date_of_birth": (14, 7, 1978), "party_position": "Phó Bí thư Chi bộ",
          "government_position": "Trưởng thôn", "mass_organisation_position": None, "work_unit": "Thôn An Hưng",
          "cell_short": "Thôn An Hưng"}

I1 = "Về tư tưởng chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật"
I2 = "Về kết quả thực hiện chức trách, nhiệm vụ được giao"
I3 = "Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành"
ICOMMIT = "Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm"
II1 = "Hạn chế, khuyết điểm"
II2 = "Nguyên nhân của hạn chế, khuyết điểm"

SECTIONS = {
    "strengths": [("head", I1), ("text", "Chấp hành nghiêm chủ trương của Đảng, chính sách, pháp luật của Nhà nước."),
                  ("rating", "I.1"), ("head", I2), ("text", "Hoàn thành các chỉ tiêu kinh tế - xã hội của thôn năm {y}."),
                  ("rating", "I.2"), ("leader", I3), ("ltext", "Chỉ đạo thôn xây dựng 1,5 km đường bê tông."),
                  ("lrating", "I.3"), ("head", ICOMMIT), ("text", "Thực hiện đầy đủ nội dung cam kết đầu năm.")],
    "shortcomings": [("head", II1), ("text", "Có lúc chưa sâu sát cơ sở."), ("head", II2),
                     ("text", "Khối lượng công việc nhiều, thời gian hạn chế.")],
    "remediation": [("text", "Đã khắc phục việc chậm báo cáo được chỉ ra năm trước."), ("rating", "III")],
    "explanations": [("text", "Không có.")],
    "collective_responsibility": [],
    "improvement_plan": [("text", "Dành nhiều thời gian đi cơ sở, nắm tình hình nhân dân."),
                         ("text", "Báo cáo đúng hạn theo quy định.")],
}
HEADINGS = [("strengths", "I. Ưu điểm, kết quả đạt được"), ("shortcomings", "II. Hạn chế, khuyết điểm và nguyên nhân"),
            ("remediation", "III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận hoặc được chỉ ra ở các kỳ kiểm điểm trước"),
            ("explanations", "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)"),
            ("collective_responsibility", "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)"),
            ("improvement_plan", "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm")]
COLLECTIVE_V = "V. Trách nhiệm của tập thể, cá nhân"
COLLECTIVE_RESPONSIBILITY = [("text", "Chi ủy chịu trách nhiệm chung về hạn chế đã nêu.")]

RATING = "good"
LEVEL = "good"
DATE = (5, 12)            # the member's date, of the review year
CELL_DATE = (12, 12)
COMMITTEE_DATE = (20, 12)
MEETING = (9, 12)
SCORE = ("26", "58,5", "84,5")     # …/30, …/70, …/100: band 70–<90 = good
CELL_COMMENT = "Đồng chí có lập trường tư tưởng vững vàng, hoàn thành tốt nhiệm vụ được giao."
SECRETARY = "Trần Văn Hòa"
COMMITTEE_SIGNER = "Nguyễn Đức Hoàng"


def is_2025(tpl):
    return tpl.endswith("2025") or tpl == "01"


def leader(tpl):
    return tpl in ("02B-2023", "2A-2025")


def has_ratings(tpl):
    return not is_2025(tpl)
