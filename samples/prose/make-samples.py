#!/usr/bin/env python3
"""Writes the prose samples: the correct 2021 rule sample with its prose rewritten, one sample
per prose check that breaks it (<rule with '-' for '.'>.txt, or <…>--<case>.txt for a second case
of one rule) and, next to each, a variant that is
right (ok-<same>.txt) and carries what must not be taken for a fault: qualified figures
("5500余条"), figures of other years ("较2022年增长"), figures of other units and subjects.

The tables are those of samples/rules/correct-2021.txt: 新收 26 (自然人 22, 商业企业 3, 法律服务
机构 1), 上年结转 2, 予以公开 13, 部分公开 3, 不予公开 1, 无法提供 7, 不予处理 2, 其他处理 1,
(七)总计 27, 结转下年度 1; 行政复议 2 (维持 1, 尚未审结 1), 行政诉讼 1 (直接起诉, 纠正 1).

Usage: samples/prose/make-samples.py [--expect BUILD/nianbao]
  --expect also writes <name>.expected, the exact `nianbao check` text output, to be read by hand.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BASE = os.path.join(ROOT, "samples", "rules", "correct-2021.txt")

PROACTIVE = "全年主动公开政府信息356条，其中通过政府网站公开298条，通过政务新媒体公开58条。"
REQUESTS = "全年依法办理政府信息公开申请，均在法定期限内答复。"
PART5 = "一是信息公开的及时性有待提高；二是政策解读形式较为单一。"
PART6 = "2023年，本机关未收取信息处理费。"
TITLE = "示例县交通运输局2023年政府信息公开工作年度报告"
SIGNATURE = "\n示例县交通运输局\n"

# Distractors every ok- variant carries: none of them may be reported.
QUIET = ("全年通过政务新媒体发布信息5500余条，其中政策解读1200条、办事指南800条、工作动态3600条。"
         "政府网站访问量较2022年增长12%，达到约36万人次，其中首页访问20万人次、专栏访问20万人次。"
         "2022年收到政府信息公开申请20件，办理人大代表建议15件、政协提案12件，"
         "受理群众投诉35起，办结35起，办结率100%。")

SAMPLES = {
    # 27 stated as received; the table has 26 new (28 with those carried over): a warning, 收到
    # may count either. 2 denied; the table has 1: an error, the sentence names that figure alone.
    "text-table_mismatch": {
        REQUESTS: "全年共收到政府信息公开申请27件，办结27件，结转下年度继续办理1件。不予公开2件。"},
    "ok-text-table_mismatch": {
        REQUESTS: "全年共收到政府信息公开申请28件（含上年结转2件），其中自然人24件、商业企业3件、"
                  "法律服务机构1件；办结27件，结转下年度继续办理1件。" + QUIET},
    # The table has 2 reconsiderations.
    "text-table_mismatch-zero": {
        REQUESTS: "本年度未发生因政府信息公开引起的行政复议，未收到相关行政诉讼。"},
    "ok-text-table_mismatch-zero": {
        REQUESTS: "本年度发生政府信息公开行政复议2件，其中结果维持1件、尚未审结1件；行政诉讼1件。"
                  "全年未发生行政复议被纠错的情形。" + QUIET},
    # (13 + 3) / 27 = 59.3%.
    "text-table_mismatch-percent": {
        REQUESTS: "全年依法办理政府信息公开申请，予以公开及部分公开的申请占比为70%。"},
    "ok-text-table_mismatch-percent": {
        REQUESTS: "全年依法办理政府信息公开申请，予以公开及部分公开的申请占比为59.3%。" + QUIET},
    # 298 + 38 + 10 = 346, and the list ends with 其他.
    "text-sum_mismatch": {
        PROACTIVE: "全年主动公开政府信息356条，其中通过政府网站公开298条，通过政务新媒体公开38条，"
                   "其他渠道公开10条。"},
    "ok-text-sum_mismatch": {
        PROACTIVE: "全年主动公开政府信息356条，其中通过政府网站公开298条，通过政务新媒体公开48条，"
                   "其他渠道公开10条。" + QUIET},
    # 7 / 26 = 26.9%, not 30.8%; the two other shares agree on 26.
    "text-sum_mismatch-percent": {
        REQUESTS: "全年共收到政府信息公开申请26件，其中予以公开13件，占50%；部分公开3件，占11.5%；"
                  "无法提供7件，占30.8%。"},
    "ok-text-sum_mismatch-percent": {
        REQUESTS: "全年共收到政府信息公开申请26件，其中予以公开13件，占50%；部分公开3件，占11.5%；"
                  "无法提供7件，占26.9%。" + QUIET},
    # 27 / 26 = 103.8%.
    "text-sum_mismatch-rate": {
        REQUESTS: "全年共受理政府信息公开申请26件，办结27件，办结率100%。"},
    "ok-text-sum_mismatch-rate": {
        REQUESTS: "全年共受理审批事项120件，办结120件，办结率100%。" + QUIET},
    # 首页 and 专栏 both 8.6万, together more than the 12.5万 total (the seed's library case).
    "text-double_count": {
        PROACTIVE: "全年政府网站访问量总计12.5万人次，其中首页访问8.6万人次，公开专栏访问8.6万人次。"},
    "ok-text-double_count": {
        PROACTIVE: "全年政府网站访问量总计12.5万人次，其中首页访问8.6万人次，公开专栏访问3.9万人次。"
                   + QUIET},
    "text-unfilled_blank": {
        PROACTIVE: "全年主动公开政府信息  条，通过政务新媒体公开58条。"},
    "ok-text-unfilled_blank": {
        PROACTIVE: "全年主动公开政府信息356条，通过政务新媒体公开58条，处理申请人张××的来信。" + QUIET},
    # The part-2 table has 25 normative documents in force (平潭 2023 printed 393 beside 470).
    "text-table_mismatch--in_force": {PROACTIVE: PROACTIVE + "现行有效行政规范性文件393件。"},
    # The table has 1 reconsideration pending and 1 lawsuit corrected: not all upheld.
    "text-table_mismatch-outcome": {
        REQUESTS: "本年度发生政府信息公开行政复议2件，行政诉讼1件，均获维持。"},
    # Claims that hold (none corrected on reconsideration) or are about the rest only.
    "ok-text-table_mismatch-outcome": {
        REQUESTS: "本年度发生政府信息公开行政复议2件，未发生行政复议被纠错的情况；行政诉讼1件，结果纠正1件。"
                  "除结转下年度继续办理的1件外，其余申请均已办结。受理群众投诉35起，均已办结。" + QUIET},
    # Parts followed by their total: 298 + 20 + 30 = 348, not 356.
    "text-sum_mismatch--total": {
        PROACTIVE: "全年通过政府网站发布信息298条、政务微博20条、政务微信30条，共计356条。"},
    # The same list adding up, one that is a selection (其中, 等) and may fall short.
    "ok-text-sum_mismatch--total": {
        PROACTIVE: "全年通过政府网站发布信息298条、政务微博28条、政务微信30条，共计356条。"
                   "通过政务微博、政务微信等发布政策解读20条、图解10条，共计58条。" + QUIET},
    # The number of 行政许可信息 was never written; the list does not add up because of it.
    "text-unfilled_blank--count": {
        PROACTIVE: "全年主动公开政府信息356条，其中公开行政许可信息条、行政处罚信息58条、其他信息200条。"},
    # Words that end in a unit character are not blanks ("规范性文件", "各项").
    "ok-text-unfilled_blank--count": {
        PROACTIVE: "全年主动公开政府信息356条，其中政策文件、规范性文件298条，其他信息58条。"
                   "办理各类事项、专项工作12件。" + QUIET},
    "text-placeholder": {PART5: "（文字描述）"},
    # Brackets with content, a name withheld ("张××"), numbered items.
    "ok-text-placeholder": {PART5: "（一）信息公开的及时性有待提高（如政策解读滞后）；（二）答复申请人张××的来信不够及时。"},
    # A finished report that does not name its agency: a note, since the tool may have missed it.
    "meta-no_agency": {TITLE: "2023年政府信息公开工作年度报告", SIGNATURE: "\n",
                       "2023年，示例县交通运输局认真贯彻": "2023年，本机关认真贯彻"},
    # A finished report whose title and period give no year.
    "meta-no_year": {TITLE: "示例县交通运输局政府信息公开工作年度报告",
                     "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。": ""},
    "structure-empty_section": {PART5: "无。", "下一步，我局将健全信息发布审核机制，丰富政策解读形式。": ""},
    # The fee statement the 2021 format asks part 6 for is content.
    "ok-structure-empty_section-fee": {PART6: "本年度未发生收取信息处理费的情况。无其他需要报告的事项。"},
    # Every kind of statement the prose checks read, each true of the tables.
    "ok-all-statements": {
        PROACTIVE: "全年通过政府网站发布信息298条、政务微博28条、政务微信30条，共计356条，"
                   "其中政策解读20条。现行有效行政规范性文件25件。",
        REQUESTS: "全年共收到政府信息公开申请28件（含上年结转2件），办结27件，结转下年度继续办理1件。"
                  "行政复议2件，其中结果维持1件、尚未审结1件；行政诉讼1件。全年未发生行政复议被纠错的情况。",
        PART6: "本年度未发生收取信息处理费的情况。无其他需要报告的事项。"},
    "ok-structure-empty_section": {PART5: "一是信息公开的及时性有待提高；二是政策解读形式较为单一。"
                                          "本年度无其他问题。"},
}


def main():
    with open(BASE, encoding="utf-8") as f:
        base = f.read()
    binary = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--expect" else None
    for name, edits in SAMPLES.items():
        text = base
        for old, new in edits.items():
            assert old in text, (name, old)
            text = text.replace(old, new)
        path = os.path.join(HERE, name + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        if binary:
            rel = os.path.relpath(path, ROOT)
            res = subprocess.run([binary, "check", "--color", "never", rel], cwd=ROOT,
                                 capture_output=True, text=True)
            with open(os.path.join(HERE, name + ".expected"), "w", encoding="utf-8") as f:
                f.write(res.stdout)
    print(f"wrote {len(SAMPLES)} samples to {os.path.relpath(HERE, ROOT)}")


if __name__ == "__main__":
    main()
