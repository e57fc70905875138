"""The fixture corpus as data: who wrote which form, with what text and which choices.

Everything the generator writes into a .docx and everything it puts in the expected JSON comes
from these structures, so the expected JSON is derived from the same data as the document.

Levels use the contract vocabulary: excellent / good / satisfactory / unsatisfactory (members),
criterion ratings: excellent / good / average / poor.
"""

# ---------------------------------------------------------------------------------------------
# Labels exactly as printed on Mẫu 02-HD KĐ.ĐG 2019 (docs/domain.md §2.1)
# ---------------------------------------------------------------------------------------------

FORM_CODE = "Mẫu 02-HD KĐ.ĐG 2019"
TITLE = "BẢN KIỂM ĐIỂM CÁ NHÂN"

SEC_I = "I. Ưu điểm, kết quả đạt được"
SEC_II = "II. Hạn chế, khuyết điểm và nguyên nhân"
SEC_III = ("III. Kết quả khắc phục những hạn chế, khuyết điểm đã được cấp có thẩm quyền kết luận "
           "hoặc được chỉ ra ở các kỳ kiểm điểm trước")
SEC_IV = "IV. Giải trình những vấn đề được gợi ý kiểm điểm (nếu có)"
SEC_V = "V. Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)"
SEC_VI = "VI. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"
SEC_VII = "VII. Tự nhận mức xếp loại chất lượng"

ITEM_I1 = ("Về phẩm chất chính trị; phẩm chất đạo đức, lối sống; ý thức tổ chức kỷ luật; "
           "tác phong, lề lối làm việc")
ITEM_I2 = "Về thực hiện chức trách, nhiệm vụ được giao"
ITEM_I3 = ("Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành; thực hiện chức trách, nhiệm vụ; "
           "mức độ hoàn thành nhiệm vụ của các tổ chức, cơ quan, đơn vị thuộc quyền quản lý; "
           "khả năng quy tụ, xây dựng đoàn kết nội bộ")
ITEM_I4 = ("Trách nhiệm trong công việc; tinh thần năng động, đổi mới, sáng tạo, dám nghĩ, dám làm, "
           "dám chịu trách nhiệm; xử lý những vấn đề khó, phức tạp, nhạy cảm…")
ITEM_I5 = ("Trách nhiệm nêu gương của bản thân và gia đình; việc đấu tranh phòng, chống tham nhũng, "
           "tiêu cực, lãng phí; sự tín nhiệm của cán bộ, đảng viên")
ITEM_COMMIT = "Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm"
ITEM_II1 = "Hạn chế, khuyết điểm"
ITEM_II2 = "Nguyên nhân của hạn chế, khuyết điểm"

RATING_LABEL = "Tự đánh giá về cấp độ thực hiện:"
VII1_LABEL = "1. Xếp loại cán bộ, công chức, viên chức:"
VII2_LABEL = "2. Xếp loại đảng viên:"

RATINGS = [("excellent", "Xuất sắc"), ("good", "Tốt"), ("average", "Trung bình"), ("poor", "Kém")]
LEVELS = [("excellent", "Hoàn thành xuất sắc nhiệm vụ"), ("good", "Hoàn thành tốt nhiệm vụ"),
          ("satisfactory", "Hoàn thành nhiệm vụ"), ("unsatisfactory", "Không hoàn thành nhiệm vụ")]
LEVEL_LABEL = dict(LEVELS)
RATING_TEXT = dict(RATINGS)

ASSESS_TITLE = "ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN"
CELL_COMMENT_LABEL = "- Nhận xét, đánh giá của chi ủy (chi bộ):"
CELL_PROPOSAL_LABEL = "- Chi bộ đề xuất xếp loại mức chất lượng:"
COMMITTEE_LABEL = "- Đảng ủy, chi ủy cơ sở xếp loại mức chất lượng:"

DOTS = "……………………………………"
DOTS_LONG = "………………………………………………………………………………"

# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

KHOI = "Đảng bộ Khối Cơ quan và Doanh nghiệp tỉnh"
XA = "Đảng bộ xã Triệu Phong"

CELLS = {
    "VP": {"committee": KHOI, "cell": "Chi bộ Văn phòng", "short": "Văn phòng", "place": "Đông Hà",
           "cell_date": (16, 12, 2020), "committee_date": (29, 12, 2020),
           "secretary": "Nguyễn Văn An", "deputy": "Lê Quang Huy", "committee_signer": "Trần Đình Phúc"},
    "TC": {"committee": KHOI, "cell": "Chi bộ Phòng Tổ chức", "short": "Phòng Tổ chức", "place": "Đông Hà",
           "cell_date": (17, 12, 2020), "committee_date": (29, 12, 2020),
           "secretary": "Đặng Văn Hùng", "deputy": "Ngô Đức Thắng", "committee_signer": "Trần Đình Phúc"},
    "T1": {"committee": XA, "cell": "Chi bộ Thôn 1", "short": "Thôn 1", "place": "Triệu Phong",
           "cell_date": (20, 12, 2020), "committee_date": (6, 1, 2021),
           "secretary": "Lê Văn Thành", "deputy": "Lê Đình Khoa", "committee_signer": "Hoàng Văn Sơn"},
}

# ---------------------------------------------------------------------------------------------
# Text pools. Members draw different paragraphs (by index) so no two forms read the same.
# ---------------------------------------------------------------------------------------------

POOL_I1 = [
    "- Luôn kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, mục tiêu độc lập dân tộc gắn liền với chủ nghĩa xã hội; chấp hành nghiêm chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.",
    "- Có lối sống giản dị, trung thực, khiêm tốn; giữ gìn phẩm chất đạo đức của người đảng viên; không có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hóa” trong nội bộ.",
    "- Chấp hành nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; tham gia đầy đủ các buổi sinh hoạt chi bộ, đóng đảng phí đầy đủ, đúng quy định.",
    "- Tác phong làm việc khoa học, đúng giờ; có tinh thần đoàn kết, hòa nhã với đồng nghiệp; gần gũi, lắng nghe ý kiến của quần chúng.",
    "Tích cực học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị; tham gia đầy đủ các lớp học tập, quán triệt nghị quyết của Đảng.",
    "Bản thân và gia đình luôn chấp hành tốt quy định nơi cư trú, tham gia đầy đủ các phong trào ở địa phương; thực hiện đúng những điều đảng viên không được làm.",
    "- Thường xuyên giữ mối liên hệ với chi ủy và nhân dân nơi cư trú; tuyên truyền, vận động gia đình và bà con chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "- Nghiêm túc thực hiện Quy định số 08-QĐi/TW về trách nhiệm nêu gương của cán bộ, đảng viên; không vi phạm những điều đảng viên không được làm.",
]

POOL_I2 = {
    "office": [
        "- Tham mưu cho lãnh đạo Sở xây dựng chương trình công tác năm 2020; theo dõi, đôn đốc các phòng thực hiện nhiệm vụ đúng tiến độ.",
        "- Thực hiện tốt công tác văn thư, lưu trữ; tiếp nhận và xử lý trên 3.200 văn bản đến, phát hành gần 1.500 văn bản đi, bảo đảm đúng quy trình, không để xảy ra sai sót.",
        "- Phối hợp tổ chức các hội nghị của cơ quan; bảo đảm công tác hậu cần và công tác phòng, chống dịch Covid-19 tại cơ quan theo chỉ đạo của cấp trên.",
        "- Quản lý tài chính, tài sản của cơ quan đúng quy định; lập dự toán năm 2021 và quyết toán ngân sách năm 2019 đúng thời hạn.",
        "Hoàn thành 100% nhiệm vụ được giao trong năm, trong đó nhiều nhiệm vụ hoàn thành trước thời hạn với chất lượng tốt.",
        "- Triển khai phần mềm quản lý văn bản và điều hành, góp phần thực hiện cải cách hành chính, giảm thời gian xử lý hồ sơ.",
    ],
    "personnel": [
        "- Tham mưu thực hiện công tác tổ chức bộ máy, biên chế; rà soát, sắp xếp lại các phòng chuyên môn theo Nghị định số 107/2020/NĐ-CP của Chính phủ.",
        "- Thực hiện quy trình quy hoạch, bổ nhiệm, luân chuyển cán bộ đúng nguyên tắc, công khai, minh bạch; giải quyết kịp thời chế độ, chính sách cho cán bộ, công chức.",
        "- Triển khai đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức năm 2020 đúng hướng dẫn; cập nhật đầy đủ hồ sơ cán bộ vào phần mềm quản lý.",
        "- Phối hợp tổ chức 02 lớp bồi dưỡng nghiệp vụ cho gần 150 lượt công chức, viên chức trong toàn ngành.",
        "Các nhiệm vụ được giao đều hoàn thành đúng tiến độ, bảo đảm chất lượng, không để tồn đọng hồ sơ.",
    ],
    "village": [
        "- Tích cực tham gia các phong trào của thôn như xây dựng nông thôn mới, “Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư”; đóng góp ngày công làm đường giao thông nội đồng.",
        "- Phát triển kinh tế gia đình, chuyển đổi cơ cấu cây trồng, vật nuôi, thu nhập ổn định; giúp đỡ một số hộ khó khăn trong thôn về giống và kỹ thuật sản xuất.",
        "- Tham gia khắc phục hậu quả đợt mưa lũ lịch sử tháng 10 năm 2020, giúp bà con dọn dẹp nhà cửa, vệ sinh môi trường sau lũ.",
        "- Thực hiện tốt nhiệm vụ được chi bộ phân công phụ trách nhóm hộ, nắm bắt tình hình tư tưởng của nhân dân và phản ánh kịp thời với chi ủy.",
        "Vận động gia đình và các hộ trong xóm hoàn thành các khoản đóng góp theo quy định của địa phương.",
    ],
    "teacher": [
        "- Giảng dạy đủ chương trình, bảo đảm chất lượng; lớp chủ nhiệm có 100% học sinh hoàn thành chương trình lớp học.",
        "- Tích cực đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin; tổ chức dạy học trực tuyến trong thời gian học sinh nghỉ học phòng, chống dịch Covid-19.",
        "- Đạt danh hiệu giáo viên dạy giỏi cấp trường năm học 2019 - 2020.",
    ],
    "retired": [
        "- Tuổi cao, sức khỏe có phần hạn chế nhưng luôn tham gia sinh hoạt chi bộ đầy đủ, đóng góp nhiều ý kiến xây dựng chi bộ và thôn.",
        "- Tham gia Ban hòa giải ở cơ sở, góp phần giải quyết ổn thỏa 02 vụ việc mâu thuẫn trong khu dân cư.",
        "- Giáo dục con cháu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    ],
}

POOL_COMMIT = [
    "Thực hiện đầy đủ các nội dung đã cam kết tu dưỡng, rèn luyện, phấn đấu từ đầu năm; không vi phạm những điều đảng viên không được làm.",
    "Bản thân đã thực hiện tốt bản cam kết tu dưỡng, rèn luyện, phấn đấu năm 2020 và việc làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Cơ bản thực hiện được các nội dung cam kết; một số nội dung về tự học tập nâng cao trình độ chưa đạt như mong muốn.",
    "Đã hoàn thành các nội dung cam kết đầu năm, tích cực đăng ký và thực hiện việc làm cụ thể theo chủ đề năm.",
]

POOL_II1 = [
    "- Có lúc chưa chủ động đề xuất giải pháp để giải quyết công việc; việc nghiên cứu văn bản mới còn chậm.",
    "- Tinh thần tự phê bình và phê bình có lúc còn nể nang, ngại va chạm.",
    "- Việc tự học tập nâng cao trình độ lý luận chính trị, chuyên môn, ngoại ngữ chưa được thường xuyên.",
    "- Một số công việc còn phải gia hạn thời gian hoàn thành do phối hợp chưa chặt chẽ.",
    "- Có buổi sinh hoạt chi bộ tham gia phát biểu ý kiến còn ít.",
    "- Ứng dụng công nghệ thông tin trong công việc còn hạn chế.",
]

POOL_II2 = [
    "- Nguyên nhân khách quan: khối lượng công việc nhiều, nhiều nhiệm vụ đột xuất, thời gian dành cho nghiên cứu còn ít.",
    "- Nguyên nhân chủ quan: bản thân chưa sắp xếp thời gian hợp lý; đôi lúc chưa quyết liệt trong công việc.",
    "Chủ yếu do nguyên nhân chủ quan, bản thân chưa thật sự quyết tâm khắc phục.",
    "- Do ảnh hưởng của dịch Covid-19 và thiên tai nên một số công việc bị chậm so với kế hoạch.",
]

POOL_III = [
    "Những hạn chế, khuyết điểm được chỉ ra tại kỳ kiểm điểm năm 2019 đã được bản thân nghiêm túc khắc phục, có chuyển biến rõ rệt.",
    "Năm 2019, bản thân không có hạn chế, khuyết điểm nào phải khắc phục theo kết luận của cấp có thẩm quyền; các hạn chế tự nêu đã được khắc phục cơ bản.",
    "Đã xây dựng kế hoạch khắc phục hạn chế về việc nghiên cứu văn bản chậm; đến nay cơ bản đã khắc phục được.",
    "Hạn chế về tinh thần tự phê bình và phê bình được chỉ ra năm 2019 đã từng bước được khắc phục, tuy nhiên cần tiếp tục cố gắng hơn.",
]

POOL_VI = [
    "- Tiếp tục học tập, nâng cao trình độ lý luận chính trị, chuyên môn, nghiệp vụ; nghiên cứu kỹ văn bản trước khi tham mưu.",
    "- Sắp xếp thời gian hợp lý, chủ động trong công việc; phối hợp chặt chẽ với đồng nghiệp để hoàn thành nhiệm vụ đúng thời hạn.",
    "- Nâng cao tinh thần tự phê bình và phê bình, thẳng thắn góp ý với đồng chí, đồng nghiệp.",
    "- Tích cực phát biểu ý kiến trong sinh hoạt chi bộ, góp phần nâng cao chất lượng sinh hoạt.",
    "Tiếp tục rèn luyện phẩm chất đạo đức, lối sống, giữ vững tư cách người đảng viên.",
]

POOL_CELL_COMMENT = [
    "Đồng chí có lập trường tư tưởng vững vàng, phẩm chất đạo đức tốt, lối sống giản dị; hoàn thành tốt nhiệm vụ được giao.",
    "Đồng chí chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; có tinh thần đoàn kết, được đồng nghiệp tín nhiệm.",
    "Đồng chí tích cực tham gia các hoạt động của chi bộ và địa phương, gương mẫu trong thực hiện nhiệm vụ.",
    "Tuy nhiên, đồng chí cần khắc phục những hạn chế đã tự nêu trong bản kiểm điểm.",
    "Bản kiểm điểm đã nêu đúng ưu điểm, hạn chế; chi bộ thống nhất với nội dung tự kiểm điểm của đồng chí.",
]

# Leader items, per leader (I.3, I.4, I.5 content), plus section V text.
LEADER_TEXT = {
    "Nguyễn Văn An": {
        "I.3": ["- Lãnh đạo Văn phòng hoàn thành toàn bộ kế hoạch công tác năm 2020; tập thể Văn phòng được đề nghị tặng danh hiệu Tập thể lao động tiên tiến.",
                "- Duy trì đoàn kết nội bộ, phân công nhiệm vụ rõ người, rõ việc, không có đơn thư khiếu nại trong đơn vị."],
        "I.4": ["- Chủ động đề xuất đổi mới quy trình trình ký văn bản điện tử, rút ngắn thời gian xử lý văn bản."],
        "I.5": ["- Bản thân và gia đình gương mẫu chấp hành quy định nơi cư trú; kê khai tài sản, thu nhập đầy đủ, đúng hạn.",
                "- Thực hiện công khai, minh bạch trong mua sắm tài sản của cơ quan; không để xảy ra lãng phí."],
        "V": ["Là Bí thư Chi bộ kiêm Chánh Văn phòng, bản thân chịu trách nhiệm chính đối với hạn chế của tập thể chi bộ về chất lượng sinh hoạt chuyên đề chưa cao."],
    },
    "Lê Quang Huy": {
        "I.3": ["- Được phân công phụ trách công tác tài chính, quản trị; chỉ đạo hoàn thành quyết toán ngân sách năm 2019 và dự toán năm 2021 đúng hạn, không có sai sót.",
                "- Chỉ đạo bảo đảm công tác phòng, chống dịch Covid-19 và khắc phục thiệt hại do mưa lũ tại trụ sở cơ quan kịp thời, hiệu quả."],
        "I.4": ["- Đề xuất và tổ chức thực hiện phương án tiết kiệm chi thường xuyên, tiết kiệm được 8% kinh phí chi hành chính."],
        "I.5": ["- Gương mẫu trong công việc và sinh hoạt, được cán bộ, đảng viên trong cơ quan tín nhiệm."],
        "V": None,
    },
    "Đặng Văn Hùng": {
        "I.3": ["- Lãnh đạo Phòng Tổ chức cán bộ hoàn thành các nhiệm vụ trọng tâm về sắp xếp tổ chức bộ máy và đánh giá cán bộ năm 2020.",
                "- Giữ vững đoàn kết trong chi bộ và trong phòng; 100% công chức của phòng hoàn thành tốt nhiệm vụ."],
        "I.4": ["- Dám chịu trách nhiệm trong tham mưu xử lý một số trường hợp phức tạp về chế độ, chính sách tồn đọng từ những năm trước."],
        "I.5": ["- Bản thân và gia đình gương mẫu; không có biểu hiện tiêu cực trong công tác cán bộ."],
        "V": ["Bản thân chịu trách nhiệm người đứng đầu đối với hạn chế của tập thể trong việc cập nhật hồ sơ cán bộ còn chậm trong quý III năm 2020."],
    },
    "Ngô Đức Thắng": {
        "I.3": ["- Được phân công phụ trách công tác chế độ, chính sách; đã chỉ đạo giải quyết kịp thời các hồ sơ nâng lương, nghỉ hưu đúng quy định."],
        "I.4": ["- Chủ động phối hợp với các phòng liên quan giải quyết các vướng mắc trong thực hiện Nghị định số 107/2020/NĐ-CP."],
        "I.5": ["- Gương mẫu trong thực hiện nhiệm vụ; thực hiện nghiêm quy định về kê khai tài sản, thu nhập."],
        "V": None,
    },
    "Lê Văn Thành": {
        "I.3": ["- Lãnh đạo chi bộ và Ban điều hành thôn hoàn thành các chỉ tiêu kinh tế - xã hội năm 2020; thôn giữ vững danh hiệu Thôn văn hóa.",
                "- Chỉ đạo nhân dân trong thôn khắc phục hậu quả mưa lũ tháng 10 năm 2020, không để xảy ra thiệt hại về người."],
        "I.4": ["- Vận động nhân dân hiến đất mở rộng đường liên xóm, giải quyết dứt điểm vướng mắc về mặt bằng kéo dài nhiều năm."],
        "I.5": ["- Bản thân và gia đình gương mẫu đi đầu trong các phong trào của thôn; công khai các khoản thu, chi của thôn trước nhân dân."],
        "V": ["Bản thân chịu trách nhiệm chính đối với hạn chế của chi bộ trong việc phát triển đảng viên mới chưa đạt chỉ tiêu."],
    },
}

# ---------------------------------------------------------------------------------------------
# Members. Every valid form is review year 2020.
#
# layout keys:
#   writer        python-docx | libreoffice
#   header        para | table           (header as paragraphs or as a borderless 2-column table)
#   case          upper | mixed          ("ĐẢNG BỘ …" vs "Đảng bộ …")
#   code          True | False           (form code "Mẫu 02-HD KĐ.ĐG 2019" at the top right)
#   year_style    "Năm 2020" | "Năm: 2020"
#   identity      lines | inline         (inline: "Họ và tên: … Ngày sinh: …" and "Đơn vị công tác: … Chi bộ: …")
#   dob_style     slash | dash | words   ("12/05/1980", "12-5-1980", "ngày 12 tháng 5 năm 1980")
#   ticks         glyph | typed          (☒/☐ before each label, or the chosen label after the colon)
#   boxes         same | lines           (VII boxes on the label's line or one per line; glyph only)
#   signature     table | para
#   zero          True | False           (leading zero on the header day: "ngày 08" vs "ngày 8")
# ---------------------------------------------------------------------------------------------

G, E, A = "good", "excellent", "average"

MEMBERS = [
    # ---------------- Đảng bộ Khối — Chi bộ Văn phòng ----------------
    dict(file="nguyen-van-an", cell="VP", writer="python-docx", header="table", case="upper", code=True,
         year_style="Năm 2020", identity="lines", dob_style="slash", ticks="glyph", boxes="same",
         signature="table", zero=True,
         name="Nguyễn Văn An", dob=(12, 5, 1980), date=(8, 12, 2020),
         party_position="Bí thư Chi bộ", government_position="Chánh Văn phòng",
         mass_position="Ủy viên Ban Chấp hành Công đoàn cơ quan", work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=True, pick=0,
         ratings={"I.1": G, "I.2": G, "I.3": G, "I.4": G, "I.5": G, "III": G},
         explanations=["Về ý kiến gợi ý kiểm điểm của Đảng ủy liên quan đến việc chậm trình kế hoạch mua sắm tài sản năm 2020, bản thân xin giải trình: nguyên nhân do chờ hướng dẫn phân bổ kinh phí của cấp trên; đến tháng 7 năm 2020 đã hoàn thành."],
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="tran-thi-bich-ngoc", cell="VP", writer="libreoffice", header="para", case="mixed", code=True,
         year_style="Năm: 2020", identity="inline", dob_style="dash", ticks="glyph", boxes="lines",
         signature="para", zero=False,
         name="Trần Thị Bích Ngọc", dob=(3, 9, 1986), date=(7, 12, 2020),
         party_position="Đảng viên", government_position="Chuyên viên",
         mass_position="Ủy viên Ban Chấp hành Công đoàn cơ quan", work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=1,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="le-quang-huy", cell="VP", writer="python-docx", header="para", case="upper", code=True,
         year_style="Năm: 2020", identity="lines", dob_style="words", ticks="typed", boxes="same",
         signature="para", zero=True,
         name="Lê Quang Huy", dob=(21, 1, 1975), date=(9, 12, 2020),
         party_position="Phó Bí thư Chi bộ", government_position="Phó Chánh Văn phòng",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=True, pick=2,
         ratings={"I.1": E, "I.2": E, "I.3": E, "I.4": G, "I.5": E, "III": G}, explanations=["Không có."],
         civil=E, party=E, cell_review=E, committee=E),
    dict(file="pham-thi-thu-ha", cell="VP", writer="libreoffice", header="table", case="upper", code=False,
         year_style="Năm 2020", identity="lines", dob_style="slash", ticks="typed", boxes="same",
         signature="table", zero=True,
         name="Phạm Thị Thu Hà", dob=(30, 11, 1990), date=(10, 12, 2020),
         party_position="Đảng viên", government_position="Kế toán",
         mass_position="Bí thư Chi đoàn", work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=3,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=None),
    dict(file="hoang-minh-tuan", cell="VP", writer="python-docx", header="table", case="mixed", code=True,
         year_style="Năm 2020", identity="inline", dob_style="slash", ticks="glyph", boxes="lines",
         signature="table", zero=False,
         name="Hoàng Minh Tuấn", dob=(5, 2, 1983), date=(4, 12, 2020),
         party_position="Chi ủy viên", government_position="Chuyên viên chính",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=4,
         ratings={"I.1": G, "I.2": E, "III": G}, explanations=None,
         civil=E, party=E, cell_review=G, committee=G),   # committee ≠ self → LEVEL_DIFFERS_FROM_SELF
    dict(file="vo-thi-lan", cell="VP", writer="libreoffice", header="para", case="upper", code=True,
         year_style="Năm: 2020", identity="lines", dob_style="words", ticks="glyph", boxes="same",
         signature="para", zero=True,
         name="Võ Thị Lan", dob=(14, 7, 1968), date=(11, 12, 2020),
         party_position="Đảng viên", government_position="Nhân viên văn thư",
         mass_position=None, work_unit="Văn phòng Sở Nội vụ",
         role="office", leader=False, pick=5,
         ratings={"I.1": G, "I.2": A, "III": A}, explanations=None,
         civil=None, party="satisfactory", cell_review=None, committee=None),

    # ---------------- Đảng bộ Khối — Chi bộ Phòng Tổ chức ----------------
    dict(file="dang-van-hung", cell="TC", writer="libreoffice", header="table", case="mixed", code=True,
         year_style="Năm 2020", identity="lines", dob_style="slash", ticks="glyph", boxes="same",
         signature="table", zero=True,
         name="Đặng Văn Hùng", dob=(2, 3, 1972), date=(8, 12, 2020),
         party_position="Bí thư Chi bộ", government_position="Trưởng phòng Tổ chức cán bộ",
         mass_position=None, work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=True, pick=6,
         ratings={"I.1": G, "I.2": G, "I.3": G, "I.4": G, "I.5": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="bui-thi-mai-anh", cell="TC", writer="python-docx", header="para", case="mixed", code=False,
         year_style="Năm 2020", identity="inline", dob_style="dash", ticks="typed", boxes="same",
         signature="para", zero=False,
         name="Bùi Thị Mai Anh", dob=(19, 8, 1988), date=(3, 12, 2020),
         party_position="Đảng viên", government_position="Chuyên viên",
         mass_position="Bí thư Chi đoàn", work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=False, pick=7,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=G),
    dict(file="ngo-duc-thang", cell="TC", writer="python-docx", header="table", case="upper", code=True,
         year_style="Năm: 2020", identity="lines", dob_style="dash", ticks="glyph", boxes="lines",
         signature="table", zero=True,
         name="Ngô Đức Thắng", dob=(25, 12, 1979), date=(9, 12, 2020),
         party_position="Phó Bí thư Chi bộ", government_position="Phó Trưởng phòng Tổ chức cán bộ",
         mass_position=None, work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=True, pick=8,
         ratings={"I.1": G, "I.2": E, "I.3": G, "I.4": G, "I.5": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=None),
    dict(file="do-thi-hong-nhung", cell="TC", writer="libreoffice", header="para", case="upper", code=True,
         year_style="Năm 2020", identity="inline", dob_style="slash", ticks="typed", boxes="same",
         signature="para", zero=True,
         name="Đỗ Thị Hồng Nhung", dob=(7, 6, 1993), date=(10, 12, 2020),
         party_position="Đảng viên", government_position="Chuyên viên",
         mass_position=None, work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=False, pick=9,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=None, committee=None),
    dict(file="phan-van-long", cell="TC", writer="libreoffice", header="table", case="upper", code=False,
         year_style="Năm: 2020", identity="lines", dob_style="words", ticks="glyph", boxes="lines",
         signature="table", zero=False,
         name="Phan Văn Long", dob=(9, 10, 1965), date=(7, 12, 2020),
         party_position="Đảng viên", government_position="Chuyên viên chính",
         mass_position="Chủ tịch Công đoàn cơ quan", work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=False, pick=10,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=["Không có."],
         civil=G, party=G, cell_review=G, committee=G),

    # ---------------- Đảng bộ xã Triệu Phong — Chi bộ Thôn 1 ----------------
    dict(file="le-van-thanh", cell="T1", writer="python-docx", header="table", case="upper", code=True,
         year_style="Năm 2020", identity="lines", dob_style="words", ticks="glyph", boxes="same",
         signature="table", zero=True,
         name="Lê Văn Thành", dob=(15, 4, 1962), date=(12, 12, 2020),
         party_position="Bí thư Chi bộ", government_position="Trưởng thôn",
         mass_position=None, work_unit="Thôn 1, xã Triệu Phong",
         role="village", leader=True, pick=11,
         ratings={"I.1": G, "I.2": G, "I.3": G, "I.4": G, "I.5": G, "III": G}, explanations=None,
         civil=None, party=G, cell_review=G, committee=G),
    dict(file="nguyen-thi-hoa", cell="T1", writer="libreoffice", header="para", case="mixed", code=True,
         year_style="Năm 2020", identity="lines", dob_style="dash", ticks="glyph", boxes="lines",
         signature="para", zero=False,
         name="Nguyễn Thị Hoa", dob=(1, 1, 1970), date=(12, 12, 2020),
         party_position="Đảng viên", government_position=None,
         mass_position="Chi hội trưởng Chi hội Phụ nữ Thôn 1", work_unit=None,
         role="village", leader=False, pick=12,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=None, party=G, cell_review=G, committee=G),
    dict(file="tran-van-dung", cell="T1", writer="python-docx", header="para", case="mixed", code=False,
         year_style="Năm: 2020", identity="inline", dob_style="slash", ticks="typed", boxes="same",
         signature="para", zero=True,
         name="Trần Văn Dũng", dob=(20, 8, 1955), date=(13, 12, 2020),
         party_position="Đảng viên", government_position=None,
         mass_position="Chi hội trưởng Chi hội Người cao tuổi", work_unit=None,
         role="retired", leader=False, pick=13,
         ratings={"I.1": G, "I.2": A, "III": G}, explanations=None,
         civil=None, party="satisfactory", cell_review="satisfactory", committee="satisfactory"),
    dict(file="ho-thi-thanh-tam", cell="T1", writer="libreoffice", header="table", case="mixed", code=True,
         year_style="Năm: 2020", identity="lines", dob_style="slash", ticks="typed", boxes="same",
         signature="table", zero=True,
         name="Hồ Thị Thanh Tâm", dob=(28, 2, 1985), date=(14, 12, 2020),
         party_position="Đảng viên", government_position="Giáo viên",
         mass_position=None, work_unit="Trường Tiểu học Triệu Phong",
         role="teacher", leader=False, pick=14,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=G, committee=None),
    dict(file="le-dinh-khoa", cell="T1", writer="python-docx", header="table", case="upper", code=True,
         year_style="Năm 2020", identity="inline", dob_style="words", ticks="glyph", boxes="lines",
         signature="table", zero=False,
         name="Lê Đình Khoa", dob=(6, 6, 1978), date=(14, 12, 2020),
         party_position="Phó Bí thư Chi bộ", government_position="Phó Trưởng thôn",
         mass_position="Chi hội trưởng Chi hội Cựu chiến binh", work_unit="Thôn 1, xã Triệu Phong",
         role="village", leader=False, pick=15,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=None, party=G, cell_review=None, committee=None),
    dict(file="phan-thi-kim-oanh", cell="T1", writer="libreoffice", header="table", case="upper", code=True,
         year_style="Năm 2020", identity="inline", dob_style="dash", ticks="glyph", boxes="same",
         signature="table", zero=True,
         name="Phan Thị Kim Oanh", dob=(11, 3, 1991), date=(15, 12, 2020),
         party_position="Đảng viên", government_position=None,
         mass_position="Phó Bí thư Chi đoàn Thôn 1", work_unit="Hợp tác xã Nông nghiệp Triệu Phong",
         role="village", leader=False, pick=16,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=None, party=G, cell_review=G, committee=G),

    # ---------------- Invalid forms (complete otherwise, cell/committee blocks blank) ----------------
    # (a) the name left as dot leaders → MISSING_FIELD member.full_name (the signature still carries it)
    dict(file="truong-thi-kim-lien", cell="TC", writer="python-docx", header="table", case="upper", code=True,
         year_style="Năm 2020", identity="lines", dob_style="slash", ticks="glyph", boxes="same",
         signature="table", zero=True,
         name="Trương Thị Kim Liên", dob=(17, 9, 1987), date=(9, 12, 2020), blank_name=True,
         party_position="Đảng viên", government_position="Chuyên viên",
         mass_position=None, work_unit="Phòng Tổ chức cán bộ, Sở Nội vụ",
         role="personnel", leader=False, pick=17,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=G, cell_review=None, committee=None),
    # (b) no party-member level ticked (all ☐ in VII.2) → MISSING_FIELD self_assessment.party_member_level
    dict(file="nguyen-huu-phuoc", cell="T1", writer="libreoffice", header="para", case="upper", code=True,
         year_style="Năm 2020", identity="lines", dob_style="slash", ticks="glyph", boxes="same",
         signature="para", zero=True,
         name="Nguyễn Hữu Phước", dob=(4, 4, 1982), date=(13, 12, 2020),
         party_position="Đảng viên", government_position="Giáo viên",
         mass_position=None, work_unit="Trường Trung học cơ sở Triệu Phong",
         role="teacher", leader=False, pick=18,
         ratings={"I.1": G, "I.2": G, "III": G}, explanations=None,
         civil=G, party=None, cell_review=None, committee=None),
]
