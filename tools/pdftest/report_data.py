"""The reports tools/make-test-pdfs makes: their text, their tables and the values written into
them, which are the expected values of the tests (.golden files)."""
from docx_report import cell, para, row, table

COLS = ["natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"]
HEADS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
GROUPS = {"denied": "（三）不予公开", "unavailable": "（四）无法提供", "rejected": "（五）不予处理",
          "other": "（六）其他处理"}
ROWS_2021 = [
    ("new", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"), ("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied.state_secret", "1.属于国家秘密"), ("denied.prohibited", "2.其他法律行政法规禁止公开"),
    ("denied.security", "3.危及“三安全一稳定”"), ("denied.third_party", "4.保护第三方合法权益"),
    ("denied.internal", "5.属于三类内部事务信息"), ("denied.process", "6.属于四类过程性信息"),
    ("denied.enforcement", "7.属于行政执法案卷"), ("denied.query", "8.属于行政查询事项"),
    ("unavailable.not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable.unclear", "3.补正后申请内容仍不明确"),
    ("rejected.complaint", "1.信访举报投诉类申请"), ("rejected.repeated", "2.重复申请"),
    ("rejected.publication", "3.要求提供公开出版物"), ("rejected.excessive", "4.无正当理由大量反复申请"),
    ("rejected.confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other.misc", "3.其他"),
    ("results_total", "（七）总计"), ("carried_forward", "四、结转下年度继续办理")]
ROWS_2019 = [r for r in ROWS_2021 if not r[0].startswith("other.")]
ROWS_2019.insert([k for k, _ in ROWS_2019].index("results_total"), ("other", "（六）其他处理"))

# Paragraphs of part 1: they set where the tables fall, so that part 3 runs over two pages.
EXTRA_2021 = 4
EXTRA_2019 = 7

PROSE = ("本机关坚持以公开为常态、不公开为例外，围绕中心工作做好政府信息公开，"
         "规范依申请公开办理流程，加强政府网站和政务新媒体管理，推进决策、执行、管理、服务、结果公开，"
         "及时回应社会关切，不断提升政务公开质量和实效，为经济社会发展营造良好环境")


def applications(counts):
    """Results total and carried forward from the other rows (a consistent table); None = blank."""
    v = dict(counts)
    num = lambda x: x if isinstance(x, int) else 0  # noqa: E731
    results = [k for k in v if k not in ("new", "carried_over")]
    v["results_total"] = [sum(num(v[k][c]) for k in results) for c in range(7)]
    v["carried_forward"] = [num(v["new"][c]) + num(v["carried_over"][c]) - v["results_total"][c] for c in range(7)]
    return v


def part3_table(rows, values, vertical=None, repeat_header=True, label_width=2100, group_width=1000,
                group_vertical=None):
    a, b, c, d = 400, group_width, label_width, 700
    head = [row([cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", a + b + c, 3, "restart"),
                 cell("申请人情况", 7 * d, 7)], repeat_header),
            row([cell(None, a + b + c, 3, "cont"), cell("自然人", d, 1, "restart"), cell("法人或其他组织", 5 * d, 5),
                 cell("总计", d, 1, "restart")], repeat_header),
            row([cell(None, a + b + c, 3, "cont"), cell(None, d, 1, "cont")] +
                [cell(h, d) for h in HEADS[1:6]] + [cell(None, d, 1, "cont")], repeat_header)]
    out, in_group, last_group = [], False, None
    for key, label in rows:
        vals = [cell(None if x is None else str(x), d) for x in values[key]]
        if key in ("new", "carried_over", "carried_forward"):
            out.append(row([cell(label, a + b + c, 3, align="left")] + vals))
            continue
        first = cell("三、本年度办理结果", a, 1, None if in_group else "restart", vertical=vertical)
        lead = first if not in_group else cell(None, a, 1, "cont")
        in_group = True
        group = key.split(".")[0] if "." in key else None
        if group is None:
            out.append(row([lead, cell(label, b + c, 2, align="left")] + vals))
        else:
            gcell = cell(GROUPS[group], b, 1, "restart" if group != last_group else "cont", align="left",
                         vertical=group_vertical)
            out.append(row([lead, gcell, cell(label, c, align="left")] + vals))
        last_group = group
    return table([a, b, c] + [d] * 7, head + out)


def part4_table(values):
    d = 560
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    r1 = row([cell("行政复议", 5 * d, 5), cell("行政诉讼", 10 * d, 10)])
    r2 = row([cell(h, d, 1, "restart") for h in heads] +
             [cell("未经复议直接起诉", 5 * d, 5), cell("复议后起诉", 5 * d, 5)])
    r3 = row([cell(None, d, 1, "cont") for _ in heads] + [cell(h, d) for h in heads * 2])
    r4 = row([cell(str(x), d) for g in ("review", "litigation_direct", "litigation_after_review") for x in values[g]])
    return table([d] * 15, [r1, r2, r3, r4])


def part2_table(items, widths):
    """items: (caption, [header...], [(row label, [values])...])."""
    rows = []
    n = len(widths)
    for caption, heads, body in items:
        rows.append(row([cell(caption, sum(widths), n, align="left")]))
        hc = [cell("信息内容", widths[0])]
        spans = [1] * (len(heads) - 1) + [n - len(heads)]
        k = 1
        for h, s in zip(heads, spans):
            hc.append(cell(h, sum(widths[k:k + s]), s))
            k += s
        rows.append(row(hc))
        for label, vals in body:
            vc = [cell(label, widths[0], align="left")]
            k = 1
            for v, s in zip(vals, spans):
                vc.append(cell(None if v is None else str(v), sum(widths[k:k + s]), s))
                k += s
            rows.append(row(vc))
    return table(widths, rows)


# The part 2 items and column heads of the 2021 format, as printed, with their keys.
PROACTIVE_2021_ROWS = {"规章": "regulations", "行政规范性文件": "normative_docs", "行政许可": "licensing",
                       "行政处罚": "penalty", "行政强制": "enforcement", "行政事业性收费": "fees"}
PROACTIVE_2021_COLUMNS = {"本年制发件数": "issued", "本年废止件数": "abolished", "现行有效件数": "in_force",
                          "本年处理决定数量": "decisions", "本年收费金额（单位：万元）": "amount_wan"}


def report_2021():
    apps = applications({
        "new": [40, 5, None, 0, 2, 1, 48], "carried_over": [3, 0, 0, 0, 0, 0, 3],
        "granted": [20, 2, 0, 0, 1, 0, 23], "partly_granted": [5, 1, 0, 0, 0, 0, 6],
        "denied.state_secret": [1, 0, 0, 0, 0, 0, 1], "denied.prohibited": [0] * 7,
        "denied.security": [0] * 7, "denied.third_party": [2, 0, 0, 0, 0, 0, 2],
        "denied.internal": [0] * 7, "denied.process": [1, 0, 0, 0, 0, 0, 1],
        "denied.enforcement": [0] * 7, "denied.query": [0] * 7,
        "unavailable.not_held": [6, 1, 0, 0, 0, 1, 8], "unavailable.needs_creation": [1, 0, 0, 0, 0, 0, 1],
        "unavailable.unclear": [0, "/", 0, 0, 0, 0, 0],
        "rejected.complaint": [2, 0, 0, 0, 0, 0, 2], "rejected.repeated": [1, 0, 0, 0, 0, 0, 1],
        "rejected.publication": [0] * 7, "rejected.excessive": [0] * 7, "rejected.confirmation": [0] * 7,
        "other.no_correction": [1, 0, 0, 0, 0, 0, 1], "other.no_fee": [0] * 7,
        "other.misc": [1, 0, 0, 0, 1, 0, 2]})
    reviews = {"review": [3, 1, 0, 1, 5], "litigation_direct": [2, 0, 1, 0, 3], "litigation_after_review": [1, 0, 0, 0, 1]}
    proactive = [("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
                  [("规章", [2, None, 15]), ("行政规范性文件", [5, 1, 40])]),
                 ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [1234])]),
                 ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", [56]), ("行政强制", [3])]),
                 ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", [12.5])])]
    keys, cols = PROACTIVE_2021_ROWS, PROACTIVE_2021_COLUMNS

    def body():
        yield para("示例市交通运输局", 32, True, "center")
        yield para("2023年政府信息公开工作年度报告", 32, True, "center")
        yield para("本报告根据《中华人民共和国政府信息公开条例》编制，报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
        yield para("一、总体情况", 28, True)
        for i in range(9):
            yield para(f"（{'一二三四五六七八九'[i]}）工作情况。{PROSE}。{PROSE}，{PROSE}。")
        for _ in range(EXTRA_2021):
            yield para(f"{PROSE}。")
        yield para("二、主动公开政府信息情况", 28, True)
        yield part2_table(proactive, [2400, 2300, 2300, 2300])
        yield para("三、收到和处理政府信息公开申请情况", 28, True)
        yield part3_table(ROWS_2021, apps)
        yield para("四、政府信息公开行政复议、行政诉讼情况", 28, True)
        yield part4_table(reviews)
        yield para("五、存在的主要问题及改进情况", 28, True)
        yield para(f"存在的主要问题是公开深度不够。下一步，{PROSE}。")
        yield para("六、其他需要报告的事项", 28, True)
        yield para("本年度未收取信息处理费。")
        yield para("示例市交通运输局", align="right")
        yield para("2024年1月20日", align="right")

    return {"name": "made_2021_wrapped", "body": body, "running_header": "示例市交通运输局政府信息公开工作年度报告",
            "meta": {"agency": "示例市交通运输局", "year": 2023, "format_version": "2021", "published": "2024-01-20"},
            "apps": apps, "app_rows": ROWS_2021, "reviews": reviews,
            "proactive": {(keys[l], cols[h]): v for _, hs, b in proactive for l, vs in b for h, v in zip(hs, vs)}}


def report_2019():
    r = report_2021()
    apps = {k: v for k, v in r["apps"].items() if not k.startswith("other.")}
    apps["other"] = [2, 0, 0, 0, 1, 0, 3]
    apps = applications({k: v for k, v in apps.items() if k not in ("results_total", "carried_forward")})
    proactive = [("第二十条第（一）项", ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                  [("规章", [0, 0, 3]), ("规范性文件", [4, 4, 27])]),
                 ("第二十条第（五）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
                  [("行政许可", [35, "+3", 410]), ("其他对外管理服务事项", [12, "-2", 96])]),
                 ("第二十条第（六）项", ["上一年项目数量", "本年增/减", "处理决定数量"],
                  [("行政处罚", [20, 0, 75]), ("行政强制", [4, None, 6])]),
                 ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", [2, "-1"])]),
                 ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", [7, "251000元"])])]
    keys = {"规章": "regulations", "规范性文件": "normative_docs", "行政许可": "licensing",
            "其他对外管理服务事项": "other_services", "行政处罚": "penalty", "行政强制": "enforcement",
            "行政事业性收费": "fees", "政府集中采购": "procurement"}
    cols = {"本年新制作数量": "made", "本年新公开数量": "published", "对外公开总数量": "total_published",
            "上一年项目数量": "previous", "本年增/减": "change", "处理决定数量": "decisions",
            "采购项目数量": "items", "采购总金额": "amount_yuan"}

    def body():
        yield para("示例县自然资源局", 32, True, "center")
        yield para("2020年政府信息公开工作年度报告", 32, True, "center")
        yield para("本报告根据《中华人民共和国政府信息公开条例》编制，统计期限自2020年1月1日至2020年12月31日。")
        yield para("一、总体情况", 28, True)
        for i in range(EXTRA_2019):
            yield para(f"{PROSE}；{PROSE}。")
        yield para("二、主动公开政府信息情况", 28, True)
        yield part2_table(proactive, [2600, 2200, 2200, 2200])
        yield para("三、收到和处理政府信息公开申请情况", 28, True)
        yield part3_table(ROWS_2019, apps, vertical="tbRl", repeat_header=False, label_width=1500)
        yield para("四、政府信息公开行政复议、行政诉讼情况", 28, True)
        yield part4_table({"review": [0, 0, 0, 0, 0], "litigation_direct": [1, 0, 0, 0, 1],
                           "litigation_after_review": [0, 0, 0, 0, 0]})
        yield para("五、存在的主要问题及改进情况", 28, True)
        yield para(f"{PROSE}。")
        yield para("六、其他需要报告的事项", 28, True)
        yield para("无。")
        yield para("示例县自然资源局", align="right")
        yield para("2021年1月25日", align="right")

    def change(v):
        return v
    pro = {}
    for _, hs, b in proactive:
        for l, vs in b:
            for h, v in zip(hs, vs):
                pro[(keys[l], cols[h])] = change(v)
    return {"name": "made_2019_vertical", "body": body, "running_header": "示例县自然资源局",
            "meta": {"agency": "示例县自然资源局", "year": 2020, "format_version": "2019", "published": "2021-01-25"},
            "apps": apps, "app_rows": ROWS_2019,
            "reviews": {"review": [0, 0, 0, 0, 0], "litigation_direct": [1, 0, 0, 0, 1],
                        "litigation_after_review": [0, 0, 0, 0, 0]},
            "proactive": pro}


def report_2021_hard():
    """A clean report whose tables are hard to read from a PDF: the column label "三、本年度办理
    结果" one character per line in a column one character wide, the group labels of part 3
    ("（三）不予公开") turned to read bottom to top (Word's text direction btLr), item labels
    wrapped over three to six lines in a narrow column, part 3 broken over two pages with its
    header repeated, and the part 2 table starting at the foot of a page (its header and first
    rows there, the rest on the next page)."""
    r = report_2021()
    apps = dict(r["apps"])
    apps["new"] = [40, 5, 0, 0, 2, 1, 48]
    apps["unavailable.unclear"] = [0] * 7
    apps = applications({k: v for k, v in apps.items() if k not in ("results_total", "carried_forward")})
    reviews = r["reviews"]
    proactive = [("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
                  [("规章", [2, 0, 15]), ("行政规范性文件", [5, 1, 40])]),
                 ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", [1234])]),
                 ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", [56]), ("行政强制", [3])]),
                 ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", [12.5])])]
    keys, cols = PROACTIVE_2021_ROWS, PROACTIVE_2021_COLUMNS

    def body():
        yield para("示例区市场监督管理局", 32, True, "center")
        yield para("2023年政府信息公开工作年度报告", 32, True, "center")
        yield para("本报告根据《中华人民共和国政府信息公开条例》编制，报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。")
        yield para("一、总体情况", 28, True)
        for i in range(HARD_PART1):
            yield para(f"（{'一二三四五六七八九'[i]}）工作情况。{PROSE}。{PROSE}。")
        for _ in range(HARD_FILL):
            yield para(f"{PROSE}。")
        yield para("以上工作均按计划完成。")
        yield para("二、主动公开政府信息情况", 28, True)
        yield part2_table(proactive, [2400, 2300, 2300, 2300])
        yield para("三、收到和处理政府信息公开申请情况", 28, True)
        for _ in range(HARD_PART3):
            yield para(f"{PROSE}。")
        yield part3_table(ROWS_2021, apps, label_width=1100, group_width=600, group_vertical="btLr")
        yield para("四、政府信息公开行政复议、行政诉讼情况", 28, True)
        yield part4_table(reviews)
        yield para("五、存在的主要问题及改进情况", 28, True)
        yield para(f"存在的主要问题是公开深度不够。下一步，{PROSE}。")
        yield para("六、其他需要报告的事项", 28, True)
        yield para("本年度未收取信息处理费。")
        yield para("示例区市场监督管理局", align="right")
        yield para("2024年1月22日", align="right")

    return {"name": "made_2021_hard", "body": body, "running_header": "示例区市场监督管理局政府信息公开工作年度报告",
            "meta": {"agency": "示例区市场监督管理局", "year": 2023, "format_version": "2021", "published": "2024-01-22"},
            "apps": apps, "app_rows": ROWS_2021, "reviews": reviews,
            "proactive": {(keys[l], cols[h]): v for _, hs, b in proactive for l, vs in b for h, v in zip(hs, vs)}}


# Where the tables of report_2021_hard fall: the paragraphs of part 1 put the part 2 table at
# the foot of page 2; those before part 3's table put a page end between two of its wrapped
# rows.
HARD_PART1 = 7
HARD_FILL = 9
HARD_PART3 = 2


def value_text(v):
    """How a value reads in a .golden file: the number, or null with the cell's state."""
    if v is None:
        return "null\tempty"
    if isinstance(v, str):
        if v == "/":
            return "null\tplaceholder"
        if v.endswith("元"):
            return v[:-1] + "\tvalue"
        return str(int(v)) + "\tvalue"
    return f"{v:g}\tvalue"


def golden(report):
    lines = [f"# {report['name']}.pdf: the values its tables were written with (tools/make-test-pdfs)"]
    for k, v in report["meta"].items():
        lines.append(f"meta.{k}\t{v}")
    for key, _ in report["app_rows"]:
        for c, v in zip(COLS, report["apps"][key]):
            lines.append(f"applications.{key}.{c}\t{value_text(v)}\t*")
    for (r, c), v in report["proactive"].items():
        lines.append(f"proactive.{r}.{c}\t{value_text(v)}\t*")
    for g, vals in report["reviews"].items():
        for c, v in zip(["upheld", "corrected", "other", "pending", "total"], vals):
            lines.append(f"reviews.{g}.{c}\t{value_text(v)}\t*")
    return "\n".join(lines) + "\n"


REPORTS = [report_2021(), report_2019(), report_2021_hard()]
