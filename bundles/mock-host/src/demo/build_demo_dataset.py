#!/usr/bin/env python3
"""Builds src/main/resources/datasets/demo-dataset.json and EXPECTED.md.

The demo dataset is generated so that the expectations can be computed, not guessed: this script carries its own
small, independent reading of shared/design/rules.md (sections 1-3) and writes what it computes into EXPECTED.md.
It is a check of the dataset's design, not a second implementation to keep in step: where the rules leave room for
interpretation, EXPECTED.md says so. Run from anywhere: python3 build_demo_dataset.py
"""
import datetime as dt
import json
import os
import re
from collections import OrderedDict, defaultdict
from decimal import Decimal as D, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'main', 'resources', 'datasets')
YEAR = 2027
PHASES = ['DRAFT', 'DECLARED', 'REVIEWED', 'APPROVED', 'PUBLISHED']

REGIONS = OrderedDict([
    ('440000', dict(name='广东省(演示)', dates=dict(DECLARED='2026-10-15', REVIEWED='2026-11-10',
                                                 APPROVED='2027-01-25', PUBLISHED='2027-02-14'),
                    reviews=[('UNIT', 'PASS', '2026-10-15'), ('DEPARTMENT', 'PASS', '2026-10-25'),
                             ('FINANCE', 'PASS', '2026-11-05')])),
    ('440100', dict(name='广州市(演示)', dates=dict(DECLARED='2026-10-20', REVIEWED='2026-11-18',
                                                 APPROVED='2027-02-05', PUBLISHED='2027-02-25'),
                    reviews=[('UNIT', 'PASS', '2026-10-20'), ('DEPARTMENT', 'PASS', '2026-10-30'),
                             ('FINANCE', 'PASS', '2026-11-12')])),
    # rules v2 showcase (issue 19): its own rule pack (config/demo/org.perflink.rulepack-sz-demo.cfg) with a
    # back-loaded spending curve for 212 (城乡社区) and its own indicator library overlaying the installation's
    ('440300', dict(name='深圳市(演示)', dates=dict(DECLARED='2026-10-18', REVIEWED='2026-11-15',
                                                 APPROVED='2027-02-01', PUBLISHED='2027-02-20'),
                    reviews=[('UNIT', 'PASS', '2026-10-18'), ('DEPARTMENT', 'PASS', '2026-10-28'),
                             ('FINANCE', 'PASS', '2026-11-10')])),
])
# 440300's rule pack: the parameters this reading applies (rules.md §2 and §11 since rules v2)
SPEND_CURVES = {'440300': {'212': '0.02,0.05,0.10,0.18,0.27,0.37,0.47,0.57,0.67,0.77,0.88,1.00'}}
CLEAR_BAND = {'440300': D('0.03')}
DEPTS = {
    '440000': OrderedDict([('101', '省教育厅'), ('102', '省卫生健康委'), ('103', '省交通运输厅'), ('104', '省农业农村厅')]),
    '440100': OrderedDict([('201', '市教育局'), ('202', '市卫生健康委'), ('203', '市交通运输局'),
                           ('204', '市城市管理和综合执法局'), ('205', '市民政局')]),
    '440300': OrderedDict([('301', '市住房和建设局')]),
}
FUNCTION = {'101': '2050202', '102': '2100408', '103': '2140106', '104': '2130122',
            '201': '2050203', '202': '2100302', '203': '2140112', '204': '2120201', '205': '2081002',
            '301': '2120303'}
UNITS = {'101': ('101001', '省教育厅机关'), '102': ('102003', '省疾病预防控制中心'), '103': ('103002', '省公路事务中心'),
         '104': ('104001', '省农业农村厅机关'), '201': ('201002', '市教育局基建办'), '202': ('202001', '市卫生健康委机关'),
         '203': ('203004', '市公共交通管理中心'), '204': ('204002', '市环境卫生管理中心'), '205': ('205001', '市民政局机关'),
         '301': ('301002', '市建筑工务署')}


FORM = re.compile(r'^\s*(?:[≥≤＞＜><=＝]|>=|<=)?\s*([+-]?\d[\d,，]*(?:\.\d+)?|[+-]?\.\d+)\s*([%％])?\s*(.*?)\s*$')
YUAN = {'元': D(1), '万元': D(10000), '亿元': D(100000000)}


def paired_actuals(indicators, actuals):
    """Each target indicator's actual: by code, and where a code repeats, the n-th with the n-th (as PerfLink pairs them)."""
    left = defaultdict(list)
    for a in actuals:
        left[a['code']].append(a.get('actual'))
    return [left[i['code']].pop(0) if left[i['code']] else None for i in indicators]


def parse_num(v):
    if v is None:
        return None
    m = FORM.match(str(v))
    return D(m.group(1).replace(',', '').replace('，', '')) if m else None



# ------------------------------------------------------------------ builders

def q(code, l1, l2, name, op, value, unit, w=None, vs='PLAN', vmax=None):
    i = OrderedDict([('code', code), ('level1', l1), ('level2', l2), ('name', name), ('type', 'QUANTITATIVE')])
    if op is not None:
        i['operator'] = op
    if value is not None:
        i['value'] = value
    if vmax is not None:
        i['valueMax'] = vmax
    if unit is not None:
        i['unit'] = unit
    if vs is not None:
        i['valueSource'] = vs
    if w is not None:
        i['weight'] = w
    return i


def ql(code, l1, l2, name, text, w=None):
    i = OrderedDict([('code', code), ('level1', l1), ('level2', l2), ('name', name), ('type', 'QUALITATIVE'),
                     ('value', text)])
    if w is not None:
        i['weight'] = w
    return i


def std(budget, q1, q2, ben, sat, sus='长效管护机制', weights=None, cost_factor=D('0.98')):
    """The usual 8 indicators: cost, 2 quantities, quality, timeliness, a social benefit, a sustainable benefit
    (qualitative) and satisfaction. weights: dict code -> weight string."""
    w = weights or {}
    cost = (D(budget) * cost_factor / 10000).quantize(D('0.01'))
    return [
        q('C1', 'COST', 'ECONOMIC_COST', '项目总成本', 'LE', str(cost), '万元', w.get('C1')),
        q('O1', 'OUTPUT', 'QUANTITY', q1[0], 'GE', q1[2], q1[1], w.get('O1')),
        q('O2', 'OUTPUT', 'QUANTITY', q2[0], 'GE', q2[2], q2[1], w.get('O2')),
        q('O3', 'OUTPUT', 'QUALITY', '验收合格率', 'GE', '95', '%', w.get('O3')),
        q('O4', 'OUTPUT', 'TIMELINESS', '按期完成率', 'GE', '100', '%', w.get('O4')),
        q('B1', 'BENEFIT', 'SOCIAL', ben[0], 'GE', ben[2], ben[1], w.get('B1')),
        ql('B2', 'BENEFIT', 'SUSTAINABLE', sus, '建立并有效运行', w.get('B2')),
        q('S1', 'SATISFACTION', 'SATISFACTION', sat, 'GE', '90', '%', w.get('S1'), vs='INDUSTRY'),
    ]


W90 = dict(C1='10', O1='15', O2='10', O3='8', O4='7', B1='20', B2='10', S1='10')  # 50 / 30 / 10 = 90


def dates_upto(region, phase, shift=None):
    d = OrderedDict()
    for p in PHASES[1:PHASES.index(phase) + 1]:
        d[p] = REGIONS[region]['dates'][p]
    for k, v in (shift or {}).items():
        d[k] = v
    return d


def reviews(region, upto=3, extra=None):
    out = [OrderedDict([('level', l), ('outcome', o), ('date', d)]) for l, o, d in REGIONS[region]['reviews'][:upto]]
    for l, o, d in extra or []:
        out.append(OrderedDict([('level', l), ('outcome', o), ('date', d)]))
    return out


def target(region, phase, inds, goal, revs=None, phase_dates=None):
    t = OrderedDict()
    t['phase'] = phase
    t['phaseDates'] = phase_dates if phase_dates is not None else dates_upto(region, phase)
    if revs is None:
        revs = reviews(region, 1 if PHASES.index(phase) < PHASES.index('REVIEWED') else 3)
    t['reviews'] = revs
    t['overallGoal'] = goal
    t['indicators'] = inds
    return t


PROJECTS = []   # (region, project dict, meta)
SEQ = defaultdict(int)


def project(region, dept, name, budget, phase, tgt, kind='PROJECT', is_new=False, is_major=False, ex_ante=None,
            revision=1, design='', raw=None, budget_dates=None):
    SEQ[region] += 1
    code = '%s-%d-%06d' % (region, YEAR, 100 + SEQ[region])
    p = OrderedDict()
    p['projectCode'] = code
    p['revision'] = revision
    p['regionCode'] = region
    p['year'] = YEAR
    p['departmentCode'] = dept
    p['departmentName'] = DEPTS[region][dept]
    p['unitCode'], p['unitName'] = UNITS[dept]
    p['name'] = name
    p['kind'] = kind
    p['functionCode'] = FUNCTION[dept]
    p['isNew'] = is_new
    p['isMajor'] = is_major
    p['budgetAmount'] = budget
    p['budgetPhase'] = phase
    p['budgetPhaseDates'] = budget_dates if budget_dates is not None else dates_upto(region, phase)
    p['exAnte'] = ex_ante
    p['target'] = tgt
    if raw:
        p.update(raw)
    PROJECTS.append(dict(region=region, p=p, phase=phase, design=design))
    return code


def done(conclusion='SUPPORT', date='2026-09-20'):
    return OrderedDict([('status', 'DONE'), ('conclusion', conclusion), ('date', date)])


# ------------------------------------------------------------------ 440000 广东省(演示)
G = '440000'
EDU = (('改造学校数量', '所', '12'), ('新增学位数', '个', '2400'), ('受益学生人数', '人', '18000'), '学生及家长满意度')
HEA = (('建设标准化卫生院数量', '个', '20'), ('培训基层医务人员', '人次', '3000'), ('服务居民人次', '万人次', '120'), '服务对象满意度')
TRA = (('改造农村公路里程', '公里', '150'), ('修复危桥数量', '座', '40'), ('沿线受益群众', '万人', '60'), '沿线群众满意度')
AGR = (('新建高标准农田面积', '万亩', '30'), ('推广良种面积', '万亩', '80'), ('受益农户数', '户', '52000'), '农户满意度')


def std_t(topic, budget, **kw):
    return std(budget, topic[0], topic[1], topic[2], topic[3], **kw)


# --- DECLARED
A1 = project(G, '101', '义务教育薄弱环节改善', '4999999.99', 'DECLARED',
             target(G, 'DECLARED', std_t(EDU, '4999999.99'), '改善12所义务教育学校办学条件，新增学位2400个。'),
             is_new=True, design='PASS; boundary: new project 0.01 below the 5 000 000 ex-ante threshold, no assessment')
A2 = project(G, '101', '高校“冲补强”提升计划', '5000000.00', 'DECLARED',
             target(G, 'DECLARED', std_t(EDU, '5000000.00'), '支持省属高校学科建设。'),
             is_new=True, design='EX_ANTE_REQUIRED; boundary: budget exactly 5 000 000.00, new, exAnte null')
A3 = project(G, '102', '基层医疗卫生机构能力提升', '8000000.00', 'DECLARED',
             target(G, 'DECLARED', std_t(HEA, '8000000.00'), '提升基层医疗卫生机构服务能力。'),
             is_major=True, ex_ante=done('NOT_SUPPORT'), design='EX_ANTE_NOT_SUPPORTED (assessment DONE, NOT_SUPPORT)')
A4 = project(G, '102', '公立医院综合改革补助', '3000000.00', 'DECLARED', None,
             design='SYNC_COMPILE_TARGET_MISSING: target null')
A5 = project(G, '103', '农村公路危桥改造', '2600000.00', 'DECLARED',
             target(G, 'DECLARED', [], '完成危桥改造。'),
             design='SYNC_COMPILE_TARGET_MISSING: a target with no indicators')
inds = [i for i in std_t(TRA, '1800000.00') if i['level1'] != 'OUTPUT']
A6 = project(G, '103', '普通国省道日常养护', '1800000.00', 'DECLARED',
             target(G, 'DECLARED', inds, '保障国省道安全畅通。'),
             design='INDICATOR_OUTPUT_MISSING (no OUTPUT indicator at all)')
inds = [i for i in std_t(AGR, '2200000.00') if i['level1'] != 'BENEFIT']
A7 = project(G, '104', '高标准农田建设', '2200000.00', 'DECLARED',
             target(G, 'DECLARED', inds, '新建高标准农田30万亩。'),
             design='INDICATOR_BENEFIT_MISSING')

# --- REVIEWED
B1 = project(G, '101', '学前教育普惠发展', '3200000.00', 'REVIEWED',
             target(G, 'REVIEWED', std_t(EDU, '3200000.00', weights=W90), '扩大普惠性学前教育资源。',
                    revs=reviews(G, 1) + [OrderedDict([('level', 'DEPARTMENT'), ('outcome', 'RETURN'), ('date', '2026-10-22')]),
                                          OrderedDict([('level', 'DEPARTMENT'), ('outcome', 'PASS'), ('date', '2026-10-25')]),
                                          OrderedDict([('level', 'FINANCE'), ('outcome', 'PASS'), ('date', '2026-11-05')])]),
             design='PASS; boundary: a DEPARTMENT RETURN superseded by a later DEPARTMENT PASS (the latest counts); '
                    'weights 50/30/10 = 90')
B2 = project(G, '101', '职业教育产教融合', '2400000.00', 'REVIEWED',
             target(G, 'REVIEWED', std_t(EDU, '2400000.00'), '建设产教融合实训基地。', revs=reviews(G, 2)),
             design='SYNC_REVIEW_TARGET_NOT_REVIEWED: target phase REVIEWED but no FINANCE review')
B3 = project(G, '102', '公共卫生应急能力建设', '2800000.00', 'REVIEWED',
             target(G, 'DECLARED', std_t(HEA, '2800000.00'), '提升突发公共卫生事件应急处置能力。',
                    revs=reviews(G, 1, extra=[('DEPARTMENT', 'RETURN', '2026-10-28')])),
             design='SYNC_REVIEW_TARGET_RETURNED: the latest DEPARTMENT review is RETURN (target sent back to DECLARED)')
inds = [i for i in std_t(HEA, '1500000.00') if i['level1'] != 'SATISFACTION']
B4 = project(G, '102', '妇幼健康服务', '1500000.00', 'REVIEWED',
             target(G, 'REVIEWED', inds, '提高妇幼健康服务水平。'),
             design='INDICATOR_SATISFACTION_MISSING (WARN only)')
inds = [i for i in std_t(TRA, '4100000.00') if i['level2'] != 'TIMELINESS']
B5 = project(G, '103', '综合客运枢纽建设', '4100000.00', 'REVIEWED',
             target(G, 'REVIEWED', inds, '建成综合客运枢纽。'),
             design='INDICATOR_OUTPUT_DIMENSION_MISSING: OUTPUT has no TIMELINESS indicator (WARN only)')
inds = [i for i in std_t(TRA, '1300000.00') if i['level1'] != 'COST']
B6 = project(G, '103', '公路安全生命防护工程', '1300000.00', 'REVIEWED',
             target(G, 'REVIEWED', inds, '完善公路安全防护设施。'),
             design='INDICATOR_COST_MISSING (WARN only)')
B7 = project(G, '104', '农村人居环境整治', '1900000.00', 'REVIEWED',
             target(G, 'REVIEWED', [
                 q('C1', 'COST', 'ECONOMIC_COST', '项目总成本', 'LE', '190', '万元'),
                 q('O1', 'OUTPUT', 'QUANTITY', '改造农村户厕', 'GE', '8000', '户'),
                 ql('O2', 'OUTPUT', 'QUALITY', '改厕质量', '符合农村户厕建设技术要求'),
                 ql('O3', 'OUTPUT', 'TIMELINESS', '完成时限', '年底前完成'),
                 ql('B1', 'BENEFIT', 'SOCIAL', '村容村貌', '明显改善'),
                 ql('B2', 'BENEFIT', 'SUSTAINABLE', '长效管护机制', '建立并有效运行'),
                 q('S1', 'SATISFACTION', 'SATISFACTION', '农户满意度', 'GE', '90', '%', vs='INDUSTRY')],
                 '改善农村人居环境。'),
             design='INDICATOR_QUANT_SHARE_LOW: 3 quantitative of 7 (0.43 < 0.5), WARN only')
B8 = project(G, '104', '种业振兴行动', '1600000.00', 'REVIEWED',
             target(G, 'REVIEWED', [
                 q('C1', 'COST', 'ECONOMIC_COST', '项目总成本', 'LE', '160', '万元'),
                 q('O1', 'OUTPUT', 'QUANTITY', '推广良种面积', 'GE', '80', '万亩'),
                 ql('O2', 'OUTPUT', 'QUALITY', '良种质量', '符合国家标准'),
                 ql('O3', 'OUTPUT', 'TIMELINESS', '完成时限', '播种季前完成'),
                 q('B1', 'BENEFIT', 'ECONOMIC', '良种覆盖率', 'GE', '96', '%'),
                 ql('B2', 'BENEFIT', 'SUSTAINABLE', '种质资源保护', '持续加强'),
                 ql('B3', 'BENEFIT', 'SOCIAL', '粮食安全保障', '有效保障'),
                 q('S1', 'SATISFACTION', 'SATISFACTION', '农户满意度', 'GE', '90', '%', vs='INDUSTRY')],
                 '推进种业振兴。'),
             design='PASS; boundary: exactly half of the indicators quantitative (4 of 8 = 0.5, not < 0.5)')

# --- APPROVED
C1 = project(G, '101', '义务教育阶段学生资助', '3500000.00', 'APPROVED',
             target(G, 'APPROVED', std_t(EDU, '3500000.00'), '资助家庭经济困难学生。'), design='PASS')
C2 = project(G, '101', '中小学教师队伍建设', '1500000.00', 'APPROVED',
             target(G, 'REVIEWED', std_t(EDU, '1500000.00'), '加强中小学教师培训。'),
             design='SYNC_APPROVE_TARGET_NOT_APPROVED: target still REVIEWED when the budget is APPROVED')
C3 = project(G, '102', '中医药传承创新', '2000000.00', 'APPROVED',
             target(G, 'APPROVED', std_t(HEA, '2000000.00'), '推进中医药传承创新发展。',
                    phase_dates=dates_upto(G, 'APPROVED', {'APPROVED': '2027-01-28'})),
             design='SYNC_APPROVE_DATE_MISMATCH: target approved 2027-01-28, budget 2027-01-25')
inds = std_t(HEA, '1200000.00')
inds[2] = q('O1', 'OUTPUT', 'QUANTITY', '开展疾病监测点数', 'GE', '300', '个')
C4 = project(G, '102', '重大疾病预防控制', '1200000.00', 'APPROVED',
             target(G, 'APPROVED', inds, '加强重大疾病预防控制。'),
             design='INDICATOR_DUPLICATE: two indicators coded O1 (WARN only)')
C5 = project(G, '103', '农村公路提级改造', '3000000.00', 'APPROVED',
             target(G, 'APPROVED', std_t(TRA, '3000000.00', cost_factor=D('1.0666667')), '完成农村公路提级改造150公里。'),
             design='COST_EXCEEDS_BUDGET: cost ≤ 320.00 万元 = 3 200 000 元 > budget 3 000 000')
C6 = project(G, '103', '内河航道整治', '6000000.00', 'APPROVED',
             target(G, 'APPROVED', std_t(TRA, '6000000.00', cost_factor=D('1')), '整治内河航道。'),
             is_major=True, ex_ante=done('SUPPORT_WITH_CHANGES'),
             design='PASS; boundaries: cost ≤ 600.00 万元 exactly the budget; major ≥ 5 000 000 with a DONE assessment')
inds = std_t(AGR, '2300000.00')
inds[2] = q('O2', 'OUTPUT', 'QUANTITY', '推广良种面积', 'GE', '约10', '万亩')
C7 = project(G, '104', '动物防疫补助政策', '2300000.00', 'APPROVED',
             target(G, 'APPROVED', inds, '做好重大动物疫病防控。'), kind='POLICY',
             design="INDICATOR_QUANT_INCOMPLETE: value '约10' is not a number")

# --- PUBLISHED
D1 = project(G, '101', '教育信息化建设', '2500000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', std_t(EDU, '2500000.00', weights=W90), '建设智慧教育平台。'), revision=2,
             design='PASS')
D2 = project(G, '101', '普通高中改善办学条件', '1800000.00', 'PUBLISHED',
             target(G, 'APPROVED', std_t(EDU, '1800000.00'), '改善普通高中办学条件。'),
             design='SYNC_PUBLISH_TARGET_NOT_PUBLISHED: target APPROVED, budget PUBLISHED')
D3 = project(G, '102', '基本公共卫生服务补助资金', '9000000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', std_t(HEA, '9000000.00'), '落实基本公共卫生服务项目。',
                    phase_dates=dates_upto(G, 'PUBLISHED', {'PUBLISHED': '2027-02-16'})), kind='TRANSFER',
             design='SYNC_PUBLISH_DATE_MISMATCH: target published 2027-02-16, budget 2027-02-14 (WARN only); '
                    "rules v2 §9: 22 days after the budget's approval 2027-01-25")
D4 = project(G, '102', '医疗卫生人才培养', '1600000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', std_t(HEA, '1600000.00', weights=dict(W90, O1='25')), '培养基层医疗卫生人才。'),
             design='WEIGHTS_INVALID: weights sum to 100 (OUTPUT group 60) instead of 90 (WARN only)')
inds = std_t(TRA, '2100000.00')
inds[3] = q('O3', 'OUTPUT', 'QUALITY', '路面技术状况指数', 'RANGE', '90', '', vmax='85')
inds[3]['unit'] = '分'
D5 = project(G, '103', '国省干线公路养护工程', '2100000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', inds, '提升干线公路技术状况。'), kind='TRANSFER',
             design='INDICATOR_QUANT_INCOMPLETE: RANGE 90..85 (min > max)')
D6 = project(G, '103', '交通运输安全应急保障', '1400000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', std_t(TRA, '1400000.00'), '   '),
             design='GOAL_MISSING: overallGoal is blank (WARN only)')
inds = std_t(AGR, '2600000.00')
for i in inds:
    if i['code'] in ('O1', 'B1'):
        del i['valueSource']
D7 = project(G, '104', '农业保险保费补贴政策', '2600000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', inds, '提高农业保险覆盖面。'), kind='POLICY',
             design='INDICATOR_VALUE_SOURCE_MISSING on O1 and B1 (INFO only: the outcome stays PASS)')
D8 = project(G, '104', '耕地地力保护补贴', '5200000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', std_t(AGR, '5200000.00'), '保护耕地地力。'), kind='TRANSFER',
             design='PASS (not new, not major: no ex-ante assessment needed)')
D9 = project(G, '101', '高校科研创新平台建设', '2700000.00', 'PUBLISHED',
             target(G, 'PUBLISHED', std_t(EDU, '2700000.00')[:7] + [
                 q('X1', 'SATISFACTION', 'SATISFACTION', '其他工作完成情况', 'GE', '90', '%', vs='OTHER')],
                 '建设省级科研创新平台。'),
             design='PASS; LIBRARY_UNKNOWN_INDICATOR (INFO) for 其他工作完成情况 when the library lists 2050202')
D10 = project(G, '101', '省级示范性高中建设', '2000000.00', 'PUBLISHED',
              target(G, 'PUBLISHED', [
                  q('O1', 'OUTPUT', 'QUANTITY', '建设示范性高中数量', 'GE', '100', '所', '20'),
                  q('O2', 'OUTPUT', 'QUALITY', '课程达标率', 'GE', '95', '%', '15'),
                  q('O3', 'OUTPUT', 'TIMELINESS', '按期完成率', 'GE', '100', '%', '15'),
                  q('B1', 'BENEFIT', 'SOCIAL', '受益学生人数', 'GE', '1000', '人', '30'),
                  q('S1', 'SATISFACTION', 'SATISFACTION', '学生及家长满意度', 'GE', '90', '%', '10', vs='INDUSTRY')],
                  '建设省级示范性普通高中。'),
              design="INDICATOR_COST_MISSING (WARN); it is rules.md 3.1's worked check: score 90.94 EXCELLENT")
M1 = project(G, '103', '港口航道疏浚（数据异常）', 'abc', 'PUBLISHED',
             target(G, 'PUBLISHED', std_t(TRA, '1000000.00'), '疏浚港口航道。'),
             design='MALFORMED: "budgetAmount": "abc" violates the contract (money is a decimal string)')

# ------------------------------------------------------------------ 440100 广州市(演示)
Z = '440100'
CEDU = (('改扩建中小学数量', '所', '6'), ('新增学位数', '个', '5400'), ('受益学生人数', '人', '5400'), '学生及家长满意度')
CHEA = (('新建社区卫生服务中心', '个', '8'), ('家庭医生签约人数', '万人', '30'), ('服务居民人次', '万人次', '90'), '居民满意度')
CTRA = (('优化调整公交线路', '条', '60'), ('新建慢行道', '公里', '45'), ('日均受益乘客', '万人次', '80'), '市民满意度')
CURB = (('维护路灯数量', '盏', '26000'), ('新增绿化面积', '万平方米', '35'), ('受益市民', '万人', '200'), '市民满意度')
CCIV = (('服务老年人数', '人', '12000'), ('新建社区养老服务站', '个', '40'), ('覆盖街道', '个', '60'), '服务对象满意度')

E1 = project(Z, '201', '市属中小学改扩建', '4500000.00', 'DECLARED',
             target(Z, 'DECLARED', std_t(CEDU, '4500000.00'), '改扩建6所中小学，新增学位5400个。'), is_new=True,
             design='PASS')
inds = std_t(CEDU, '900000.00')
del inds[1]['unit']
E2 = project(Z, '201', '中小学课后服务补助', '900000.00', 'DECLARED',
             target(Z, 'DECLARED', inds, '保障课后服务开展。'),
             design='INDICATOR_QUANT_INCOMPLETE: a quantitative indicator (O1) without unit')
E3 = project(Z, '202', '社区卫生服务中心建设', '12000000.00', 'DECLARED',
             target(Z, 'DECLARED', std_t(CHEA, '12000000.00'), '新建8个社区卫生服务中心。'),
             is_new=True, ex_ante=OrderedDict([('status', 'NONE')]),
             design='EX_ANTE_REQUIRED: new, 12 000 000, exAnte status NONE')

F1 = project(Z, '202', '家庭医生签约服务', '1700000.00', 'REVIEWED',
             target(Z, 'REVIEWED', std_t(CHEA, '1700000.00'), '做实家庭医生签约服务。'), design='PASS')
F2 = project(Z, '203', '公交线网优化', '1100000.00', 'REVIEWED',
             target(Z, 'DECLARED', std_t(CTRA, '1100000.00'), '优化公交线网。', revs=reviews(Z, 2)),
             design='SYNC_REVIEW_TARGET_NOT_REVIEWED: target phase DECLARED, no FINANCE review')
inds = std_t(CTRA, '2000000.00')
inds[2] = q('O5', 'OUTPUT', 'QUANTITY', '优化调整公交线路', 'GE', '20', '条')
F3 = project(Z, '203', '慢行系统建设', '2000000.00', 'REVIEWED',
             target(Z, 'REVIEWED', inds, '建设城市慢行系统。'),
             design='INDICATOR_DUPLICATE: (QUANTITY, 优化调整公交线路) twice under different codes (WARN only)')
F4 = project(Z, '204', '生活垃圾分类处理', '3300000.00', 'REVIEWED',
             target(Z, 'REVIEWED', std_t(CURB, '3300000.00',
                                         weights=dict(C1='5', O1='10', O2='10', O3='8', O4='7', B1='25', B2='15',
                                                      S1='10')), '推进生活垃圾分类。'),
             design='WEIGHTS_INVALID: weights sum to 90 but OUTPUT 40 / BENEFIT 40 depart from 50/30/10 (WARN only)')

G1 = project(Z, '204', '城市道路照明设施维护', '880000.00', 'APPROVED',
             target(Z, 'APPROVED', [
                 q('C1', 'OUTPUT', 'COST', '维护成本', 'LE', '90', '万元', '8'),
                 q('O1', 'OUTPUT', 'QUANTITY', '维护路灯数量', 'GE', '26000', '盏', '17'),
                 q('O2', 'OUTPUT', 'QUALITY', '亮灯率', 'GE', '98', '%', '15'),
                 q('O3', 'OUTPUT', 'TIMELINESS', '故障修复及时率', 'GE', '95', '%', '10'),
                 q('B1', 'BENEFIT', 'SOCIAL', '受益市民', 'GE', '200', '万人', '20'),
                 ql('B2', 'BENEFIT', 'SUSTAINABLE', '长效管护机制', '建立并有效运行', '10'),
                 q('S1', 'SATISFACTION', 'SATISFACTION', '市民满意度', 'GE', '90', '%', '10', vs='INDUSTRY')],
                 '保障城市道路照明。'),
             budget_dates=None, design='PASS; an older table: the cost indicator filed as OUTPUT/COST still counts as cost '
                                       '(≤ 90 万元 > budget 88 万元 would be a cost overrun — so it is not: see below)')
G2 = project(Z, '205', '居家养老上门服务', '2600000.00', 'APPROVED',
             target(Z, 'APPROVED', std_t(CCIV, '2600000.00'), '为居家老年人提供上门服务。'), design='PASS')
G3 = project(Z, '205', '困难群众临时救助政策', '1900000.00', 'APPROVED',
             target(Z, 'APPROVED', std_t(CCIV, '1900000.00'), '兜住困难群众基本生活底线。'), kind='POLICY',
             design='PASS')
G4 = project(Z, '201', '校园安全防控体系建设', '950000.00', 'APPROVED',
             target(Z, 'APPROVED', [
                 q('C1', 'COST', 'ECONOMIC_COST', '项目总成本', 'LE', '90', '万元', '8'),
                 q('O1', 'OUTPUT', 'QUANTITY', '安装视频监控点位', 'GE', '1200', '个', '17'),
                 q('O2', 'OUTPUT', 'QUALITY', '设备验收合格率', 'GE', '100', '%', '15'),
                 q('O3', 'OUTPUT', 'TIMELINESS', '按期完成率', 'GE', '100', '%', '10'),
                 q('B1', 'BENEFIT', 'SOCIAL', '覆盖学校数量', 'GE', '180', '所', '20'),
                 ql('B2', 'BENEFIT', 'SUSTAINABLE', '校园安全长效机制', '建立并有效运行', '10'),
                 q('S1', 'SATISFACTION', 'SATISFACTION', '师生满意度', 'GE', '90', '%', '10', vs='INDUSTRY')],
                 '提升校园安全防控能力。'), design='PASS')

H1 = project(Z, '201', '青少年校外活动中心建设', '1600000.00', 'PUBLISHED',
             target(Z, 'PUBLISHED', [
                 q('C1', 'COST', 'ECONOMIC_COST', '项目总成本', 'LE', '158', '万元'),
                 q('O1', 'OUTPUT', 'QUANTITY', '建设跑道长度', 'GE', '260', '米'),
                 q('O2', 'OUTPUT', 'QUANTITY', '开展活动场次', 'GE', '400', '场'),
                 q('O3', 'OUTPUT', 'QUALITY', '验收合格率', 'GE', '95', '%'),
                 q('O4', 'OUTPUT', 'TIMELINESS', '按期完成率', 'GE', '100', '%'),
                 q('B1', 'BENEFIT', 'SOCIAL', '参与青少年人次', 'GE', '50000', '人次'),
                 ql('B2', 'BENEFIT', 'SUSTAINABLE', '长效运营机制', '建立并有效运行'),
                 q('S1', 'SATISFACTION', 'SATISFACTION', '青少年及家长满意度', 'GE', '90', '%', vs='INDUSTRY')],
                 '建设青少年校外活动中心。'), design='PASS')
H2 = project(Z, '202', '基层卫生人才能力提升', '1800000.00', 'PUBLISHED',
             target(Z, 'PUBLISHED', std_t(CHEA, '1800000.00'), '提升基层卫生人才能力。'), design='PASS')
H3 = project(Z, '203', '公交运营补贴政策', '8000000.00', 'PUBLISHED',
             target(Z, 'PUBLISHED', std_t(CTRA, '8000000.00'), '保障公交稳定运营。'), kind='POLICY', design='PASS')
H4 = project(Z, '204', '城市公园绿化提升', '2400000.00', 'PUBLISHED',
             target(Z, 'PUBLISHED', std_t(CURB, '2400000.00', weights=dict(W90, O1='20', B1='25', S1='15')),
                    '提升城市公园绿化品质。'),
             design='WEIGHTS_INVALID: weights sum to 110 (a real form) (WARN only); scored with weights scaled to 90')
H5 = project(Z, '205', '社区养老服务设施建设', '1200000.00', 'PUBLISHED',
             target(Z, 'PUBLISHED', std_t(CCIV, '1200000.00'), '建设社区养老服务站40个。'), design='PASS')
H6 = project(Z, '202', '基本公共卫生服务补助资金（市级）', '4000000.00', 'PUBLISHED',
             target(Z, 'PUBLISHED', std_t(CHEA, '4000000.00'), '落实基本公共卫生服务项目。'), kind='TRANSFER',
             design='PASS')
M2 = project(Z, '202', '医疗救助专项（数据异常）', '700000.00', 'PUBLISHED',
             target(Z, 'PUBLISHED', std_t(CHEA, '700000.00'), '开展医疗救助。'), kind='GRANT',
             design='MALFORMED: "kind": "GRANT" is not PROJECT|POLICY|TRANSFER')

# ------------------------------------------------------------------ 440300 深圳市(演示): rules v2 showcase
V = '440300'
ROADS = (('新建改造市政道路长度', '公里', '30'), ('新建人行天桥数量', '座', '6'), ('沿线受益群众', '万人', '40'), '市民满意度')
J1 = project(V, '301', '市政道路新建改造工程', '8000000.00', 'PUBLISHED',
             target(V, 'PUBLISHED', std_t(ROADS, '8000000.00'), '新建改造市政道路30公里。'),
             design='LIBRARY_VALUE_TOO_EASY: 30 公里 < 0.8 × the history 45 公里 of the region library (level 212); '
                    'capital works judged by the back-loaded curve prefix.212')
inds = std_t((('改造老旧小区数量', '个', '40'), ('改造排水管网长度', '米', '12000'), ('受益居民户数', '户', '15000'),
              '居民满意度'), '3000000.00')
J2 = project(V, '301', '老旧小区改造', '3000000.00', 'PUBLISHED',
             target(V, 'PUBLISHED', inds, '改造老旧小区40个。'),
             design='LIBRARY_UNIT_MISMATCH: 改造排水管网长度 in 米, the region library says 公里; little spent late in '
                    'the year: RECLAIM')
# 440300's indicator library (config/demo/perflink-indicator-library-440300.json), at the prefix 212 (城乡社区)
LIBRARY = {V: OrderedDict([('212', [
    OrderedDict([('name', n), ('unit', u)] + ([('history', h)] if h else []))
    for n, u, h in [('项目总成本', '万元', None), ('新建改造市政道路长度', '公里', '45'), ('新建人行天桥数量', '座', None),
                    ('验收合格率', '%', None), ('按期完成率', '%', None), ('沿线受益群众', '万人', None),
                    ('长效管护机制', '定性', None), ('市民满意度', '%', None), ('改造老旧小区数量', '个', '36'),
                    ('改造排水管网长度', '公里', None), ('受益居民户数', '户', None), ('居民满意度', '%', None)]])])}

# G1's cost: budget 880 000 and cost ≤ 90 万元 would exceed the budget; make the budget 900 000 (cost = budget).
for e in PROJECTS:
    if e['p']['projectCode'] == G1:
        e['p']['budgetAmount'] = '900000.00'
        e['design'] = ('PASS; an older table: the cost indicator filed as OUTPUT/COST counts as the cost indicator; '
                       'boundary: cost ≤ 90 万元 equals the budget 900 000')

BY_CODE = {e['p']['projectCode']: e for e in PROJECTS}

# ------------------------------------------------------------------ execution (two monitoring rounds)
R1, R2, R3 = '2027-07-31', '2027-09-30', '2027-11-30'
ROUNDS = {'440000': (R1, R2), '440100': (R1, R2), '440300': (R1, R2, R3)}
MONITORED = {G: [C1, C2, C3, C4, C5, C6, C7, D1, D2, D3, D4, D5, D6, D7, D8, D9, D10],
             Z: [G1, G2, G3, G4, H1, H2, H3, H4, H5, H6], V: [J1, J2]}


def snap(code, as_of, rate, budget=None, actual=None, grades=None, ratio=None, omit=()):
    """An execution snapshot: paid = budget × rate; GE/GT indicators get value × ratio (or an explicit actual),
    qualitative indicators grade A unless given; indicators in omit get no actual."""
    p = BY_CODE[code]['p']
    b = D(budget if budget is not None else p['budgetAmount'])
    s = OrderedDict([('projectCode', code), ('year', YEAR), ('asOf', as_of), ('budgetAmount', str(b.quantize(D('0.01')))),
                     ('paidAmount', str((b * D(rate)).quantize(D('0.01'), ROUND_HALF_UP)))])
    acts = []
    r = D(ratio if ratio is not None else ('0.75' if as_of == R1 else '0.90'))
    for i in p['target']['indicators']:
        c = i['code']
        if c in omit:
            continue
        if actual and c in actual:
            acts.append(OrderedDict([('code', c), ('actual', actual[c])]))
        elif i['type'] == 'QUALITATIVE':
            acts.append(OrderedDict([('code', c), ('actual', (grades or {}).get(c, 'A'))]))
        elif i.get('operator') in ('GE', 'GT') and parse_num(i.get('value')) is not None:
            v = parse_num(i['value'])
            if i.get('unit') == '%':
                a = v if v <= 95 else v - 1
            else:
                a = (v * r).quantize(D('1'), ROUND_HALF_UP) if v >= 10 else (v * r).quantize(D('0.1'), ROUND_HALF_UP)
            acts.append(OrderedDict([('code', c), ('actual', str(a))]))
    s['indicators'] = acts
    return s


EXECUTION = {G: [], Z: [], V: []}
# round 1, 2027-07-31: time progress 212/365 = 0.5808
EXECUTION[G] += [
    snap(C1, R1, '0.60'),
    snap(C2, R1, '0.45'),                      # gap 0.131 -> BLUE
    snap(C3, R1, '0.35'),                      # gap 0.231 -> YELLOW
    snap(C4, R1, '0.20'),                      # gap 0.381 -> RED
    # C5: no snapshot -> NO_DATA
    snap(C6, R1, '0', budget='0'),             # zero budget -> NO_DATA
    snap(C7, R1, '0.62', omit=('O2',)),
    snap(D1, R1, '0.58', actual={'O1': '3'}),  # 3/12 = 0.25 -> shortfall 0.331 -> TARGET_DEVIATION
    snap(D2, R1, '0.55', actual={'O2': '240'}),  # 240/2400 = 0.10 -> shortfall 0.481 -> TARGET_AT_RISK
    snap(D3, R1, '0.57', grades={'B2': 'C'}),  # qualitative C -> TARGET_AT_RISK
    snap(D4, R1, '0.60'),
    snap(D5, R1, '0.25', grades={'B2': 'D'}),  # gap 0.331 -> RED lag; qualitative D -> TARGET_AT_RISK
    snap(D6, R1, '0.50'),
    snap(D7, R1, '0.66'),
    snap(D8, R1, '0.59'),
    snap(D9, R1, '0.61'),
    snap(D10, R1, '0.62'),
]
EXECUTION[Z] += [
    snap(G1, R1, '0.58'),
    snap(G2, R1, '0.42'),                      # gap 0.161 -> BLUE
    snap(G3, R1, '0.64'),
    snap(G4, R1, '0.55'),
    snap(H1, R1, '0.57', actual={'O1': '80', 'O2': '20'}),  # 80/260 = 0.31 -> DEVIATION; 20/400 = 0.05 -> AT_RISK
    snap(H2, R1, '0.52'),
    snap(H3, R1, '0.60'),
    snap(H4, R1, '0.56'),
    snap(H5, R1, '0.53'),
    snap(H6, R1, '0.58'),
]
# round 2, 2027-09-30: time progress 273/365 = 0.7479; key monitoring: >= 2 000 000 and < 60 % after 31 Aug
EXECUTION[G] += [
    snap(C1, R2, '0.55'),                      # 3.5M, 55 % -> key RED (by gap alone only BLUE)
    snap(C2, R2, '0.55'),                      # 1.5M: below the key threshold -> BLUE (gap 0.198)
    snap(C3, R2, '0.59'),                      # exactly 2 000 000 and 59 % -> key RED
    snap(C4, R2, '0.45'),                      # 1.2M: gap 0.298 -> YELLOW
    snap(C5, R2, '0.76'),
    snap(C6, R2, '0.80', budget='5800000.00'),  # budget adjusted down; data back
    snap(C7, R2, '0.78', omit=('O2',)),
    snap(D1, R2, '0.78'),
    snap(D2, R2, '0.80'),
    snap(D3, R2, '0.76'),
    snap(D4, R2, '0.77'),
    snap(D5, R2, '0.74'),
    snap(D6, R2, '0.79'),
    snap(D7, R2, '0.82'),
    snap(D8, R2, '0.75'),
    snap(D9, R2, '0.80'),
    snap(D10, R2, '0.79'),
]
EXECUTION[Z] += [
    snap(G1, R2, '0.76'),
    snap(G2, R2, '0.62'),                      # 2.6M at 62 %: not key (>= 60 %); gap 0.128 -> BLUE
    snap(G3, R2, '0.81'),
    snap(G4, R2, '0.77'),
    snap(H1, R2, '0.79'),
    snap(H2, R2, '0.30'),                      # gap 0.448 -> RED
    snap(H3, R2, '0.80'),
    snap(H4, R2, '0.75'),
    snap(H5, R2, '0.77'),
    snap(H6, R2, '0.78'),
]

# 440300: capital works spend late (curve prefix.212: 0.47 by July, 0.67 by September, 0.88 by November)
EXECUTION[V] += [
    snap(J1, R1, '0.35'),   # curve gap 0.12 -> BLUE (linear time progress would say 0.2308, YELLOW)
    snap(J2, R1, '0.30'),   # curve gap 0.17 -> BLUE
    snap(J1, R2, '0.62'),   # curve gap 0.05 -> none (linear 0.1279 would be BLUE); 8M >= 2M but 62 % >= 60 %
    snap(J2, R2, '0.38'),   # 3M at 38 % after 31 Aug -> key RED
    snap(J1, R3, '0.80'),   # curve gap 0.08 -> none
    snap(J2, R3, '0.40'),   # after 31 Oct at 40 % < 50 % -> RECLAIM 3 000 000 x (0.88 - 0.40) = 1 440 000.00
]

# ------------------------------------------------------------------ evaluation inputs
EVALUATED = MONITORED


def ev(code, recurrence, paid_rate, f, grades='A', actual=None, self_score=None, key=None, request_factor='1.05',
       omit=()):
    """An evaluation input: GE quantities reached at ratio f (explicit actuals override), LE costs at 95 % of the
    target, qualitative rows graded `grades`."""
    e = BY_CODE[code]
    p = e['p']
    b = D(p['budgetAmount'])
    o = OrderedDict([('projectCode', code), ('year', YEAR), ('kind', p['kind']), ('recurrence', recurrence),
                     ('departmentCode', p['departmentCode']), ('budgetAmount', p['budgetAmount']),
                     ('paidAmount', str((b * D(paid_rate)).quantize(D('0.01'), ROUND_HALF_UP)))])
    acts = []
    for i in p['target']['indicators']:
        c = i['code']
        if c in omit:
            acts.append(OrderedDict([('code', c), ('actual', None)]))
            continue
        if actual and c in actual:
            acts.append(OrderedDict([('code', c), ('actual', actual[c])]))
        elif i['type'] == 'QUALITATIVE':
            acts.append(OrderedDict([('code', c), ('actual', grades)]))
        elif i.get('operator') in ('LE', 'LT'):
            acts.append(OrderedDict([('code', c), ('actual', str((parse_num(i['value']) * D('0.95')).quantize(D('0.01'))))]))
        else:
            v = parse_num(i['value'])
            if v is None:
                acts.append(OrderedDict([('code', c), ('actual', None)]))
                continue
            a = (v * D(f)).quantize(D('0.1'), ROUND_HALF_UP).normalize()
            acts.append(OrderedDict([('code', c), ('actual', format(a, 'f'))]))
    o['indicators'] = acts
    o['selfScore'] = self_score
    o['keyEvaluationScore'] = key
    o['nextYearRequest'] = str((b * D(request_factor)).quantize(D('1000'), ROUND_HALF_UP).quantize(D('0.01')))
    return o


EVALUATIONS = {G: [
    ev(C1, 'CONTINUING', '0.99', '1.0', self_score='96'),                                   # EXCELLENT -> PRIORITIZE
    ev(C2, 'RECURRING', '0.95', '0.85', grades='B', self_score='88'),                        # GOOD -> KEEP
    ev(C3, 'CONTINUING', '0.90', '0.70', grades='B', self_score='80'),                       # MEDIUM -> REDUCE -0.10
    ev(C4, 'CONTINUING', '0.70', '0.40', grades='C', self_score='55'),                       # POOR >= 40 -> REDUCE -0.30
    ev(C5, 'ONE_OFF', '0.96', '0.88', grades='B', self_score='90'),                          # GOOD -> KEEP
    ev(C6, 'ONE_OFF', '1.00', '1.02', self_score='98'),                                      # EXCELLENT -> PRIORITIZE
    ev(C7, 'CONTINUING', '0.97', '0.86', grades='B', self_score='88', omit=('O2',)),         # POLICY GOOD -> CONTINUE
    ev(D1, 'CONTINUING', '0.98', '1.0', self_score='95', key='75'),                          # key 75 -> MEDIUM
    ev(D2, 'ONE_OFF', '0.92', '0.68', grades='B', self_score='92'),                          # MEDIUM + SELF_SCORE_INFLATED
    ev(D3, 'CONTINUING', '0.99', '0.98', self_score='95'),                                   # TRANSFER EXCELLENT +0.05
    ev(D4, 'CONTINUING', '0.95', '0.86', grades='B', self_score='86'),                       # GOOD (weights 100 scaled)
    ev(D5, 'CONTINUING', '0.65', '0.42', grades='C', self_score='58', omit=('O3',)),         # TRANSFER POOR -0.15
    ev(D6, 'RECURRING', '0.88', '0.72', grades='B', self_score='78'),                        # MEDIUM -> REDUCE -0.10
    ev(D7, 'CONTINUING', '0.90', '0.70', grades='B', self_score='76'),                       # POLICY MEDIUM -> ADJUST
    ev(D8, 'CONTINUING', '0.97', '0.86', grades='B', self_score='85'),                       # TRANSFER GOOD -> KEEP
    ev(D9, 'CONTINUING', '0.96', '0.87', grades='B', self_score='87'),                       # GOOD -> KEEP
    ev(D10, 'CONTINUING', '0.95', '1', actual={'O1': '90', 'O2': '96', 'O3': '100', 'B1': '800', 'S1': '85'},
       self_score='92', request_factor='1.10'),                                              # worked check 90.94
], V: [], Z: [
    ev(G1, 'RECURRING', '0.96', '0.86', grades='B', actual={'C1': '100'}, self_score='85'),  # cost 100 > 90: 7.20
    ev(G2, 'CONTINUING', '0.72', '0.45', grades='C', self_score='58'),                       # POOR >= 40 -> -0.30
    ev(G3, 'CONTINUING', '0.70', '0.45', grades='C', self_score='55'),                       # POLICY POOR -> TERMINATE
    ev(G4, 'ONE_OFF', '1.00', '1.0', actual={'C1': '85'}, self_score='97'),                  # cost 85 <= 90: 8.00
    ev(H1, 'CONTINUING', '0.97', '0.9', grades='B', actual={'O1': '≥266米', 'O3': '98%'}, self_score='90'),
    ev(H2, 'CONTINUING', '0.35', '0.25', grades='D', self_score='38'),                       # POOR < 40 -> CANCEL
    ev(H3, 'CONTINUING', '0.99', '1.0', self_score='95'),                                    # POLICY EXCELLENT
    ev(H4, 'CONTINUING', '0.90', '0.70', grades='B', self_score='75'),                       # MEDIUM (weights 110)
    ev(H5, 'ONE_OFF', '0.75', '0.45', grades='C', self_score='58'),                          # one-off POOR -> CANCEL
    ev(H6, 'CONTINUING', '0.88', '0.70', grades='B', self_score='76'),                       # TRANSFER MEDIUM -0.05
]}

DEPARTMENT_INPUTS = {V: [], G: [
    ('101', dict(KEY_ASSESSMENT='85', KEY_TARGETS='88', KEY_MONITORING='84', OVERALL_EVALUATION='86'),
     [('AUDIT', '2', '审计报告〔2027〕12号')], '850000000.00'),
    ('102', dict(KEY_ASSESSMENT='95', KEY_TARGETS='93', KEY_MONITORING='92', OVERALL_EVALUATION='94'), [],
     '1200000000.00'),
    ('103', dict(KEY_ASSESSMENT='80', KEY_TARGETS='78', KEY_MONITORING='75', OVERALL_EVALUATION='72'),
     [('AUDIT', '3', '审计报告〔2027〕31号'), ('FINANCE_SUPERVISION', '2', '财政监督检查通报〔2027〕5号')], '2300000000.00'),
    ('104', dict(KEY_ASSESSMENT='65', KEY_TARGETS='60', KEY_MONITORING='62', OVERALL_EVALUATION='58'),
     [('AUDIT', '4', '审计报告〔2027〕44号')], '960000000.00'),
], Z: [
    ('201', dict(KEY_ASSESSMENT='88', KEY_TARGETS='92', OVERALL_EVALUATION='90'), [], '420000000.00'),
    ('202', dict(KEY_ASSESSMENT='86', KEY_TARGETS='84', KEY_MONITORING='88', OVERALL_EVALUATION='85'),
     [('AUDIT', '1', '市审计报告〔2027〕8号')], '380000000.00'),
    ('203', dict(KEY_ASSESSMENT='70', KEY_TARGETS='72', KEY_MONITORING='68', OVERALL_EVALUATION='66'), [],
     '510000000.00'),
    ('204', dict(KEY_ASSESSMENT='82', KEY_TARGETS='80', KEY_MONITORING='84', OVERALL_EVALUATION='79.5'),
     [('AUDIT', '10', '市审计报告〔2027〕15号'), ('FINANCE_SUPERVISION', '8', '市财政监督通报〔2027〕3号'),
      ('DISCIPLINE', '7', '市纪委监委通报〔2027〕2号')], '290000000.00'),
    ('205', dict(KEY_ASSESSMENT='88', KEY_TARGETS='86', KEY_MONITORING='85', OVERALL_EVALUATION='87'), [],
     '330000000.00'),
]}


def dept_json(region):
    out = []
    for code, comps, deds, base in DEPARTMENT_INPUTS[region]:
        o = OrderedDict([('departmentCode', code), ('year', YEAR), ('components', OrderedDict(comps)),
                         ('deductions', [OrderedDict([('source', s), ('points', p), ('ref', r)]) for s, p, r in deds]),
                         ('nextYearBaseline', base)])
        out.append(o)
    return out


# ------------------------------------------------------------------ scripted events
def codes_in(region, phase):
    return [e['p']['projectCode'] for e in PROJECTS if e['region'] == region and e['phase'] == phase]


def scripted(region):
    d = REGIONS[region]['dates']
    t = lambda day: day + 'T10:00:00+08:00'
    ev = []
    for ph in ('DECLARED', 'REVIEWED', 'APPROVED', 'PUBLISHED'):
        if not codes_in(region, ph):
            continue  # an empty list would mean every project
        ev.append(OrderedDict([('stage', 'COMPILE'), ('phase', ph), ('projectCodes', codes_in(region, ph)),
                               ('occurredAt', t(d[ph]))]))
    mon = [c for c in MONITORED[region]]
    handled = {R1: '2027-08-06', R2: '2027-10-10', R3: '2027-12-08'}
    for as_of in ROUNDS[region]:
        ev.append(OrderedDict([('stage', 'EXECUTE'), ('phase', 'MONITOR'), ('asOf', as_of), ('projectCodes', mon),
                               ('occurredAt', t(handled[as_of]))]))
    if not EVALUATIONS[region]:
        for e in ev:
            e['year'] = YEAR
            e.move_to_end('year', last=False)
        return ev
    # The close stage concerns the whole year: department composites and notices need every project.
    ev.append(OrderedDict([('stage', 'CLOSE'), ('phase', 'EVALUATE'), ('projectCodes', []),
                           ('occurredAt', t('2028-03-31'))]))
    ev.append(OrderedDict([('stage', 'CLOSE'), ('phase', 'LINK'), ('projectCodes', []),
                           ('occurredAt', t('2028-04-15'))]))
    for e in ev:
        e['year'] = YEAR
        e.move_to_end('year', last=False)
    return ev


# ------------------------------------------------------------------ an independent reading of rules.md

def pidx(p):
    return PHASES.index(p) if p in PHASES else -1


def library_findings(p, region):
    """rules.md §11 against the region's library (entries at the prefixes of the function code)."""
    f = []
    levels = LIBRARY.get(region, {})
    entries = {}
    for level in [p['functionCode'][:n] for n in (7, 5, 3)]:
        for e in levels.get(level, []):
            entries.setdefault(e['name'], dict(e, level=level))
    if not entries:
        return f
    for i in (p.get('target') or {}).get('indicators') or []:
        e = entries.get(i['name'])
        if e is None:
            f.append(('LIBRARY_UNKNOWN_INDICATOR', 'INFO'))
            continue
        if i['type'] != 'QUANTITATIVE' or e['unit'] == '定性':
            continue
        money_units = i.get('unit') in YUAN and e['unit'] in YUAN
        if i.get('unit') != e['unit'] and not money_units:
            f.append(('LIBRARY_UNIT_MISMATCH', 'WARN'))
            continue
        v = parse_num(i['value']) * (YUAN[i['unit']] / YUAN[e['unit']] if money_units else 1)
        h = D(e['history']) if 'history' in e else None
        if h is not None and i['operator'] in ('GE', 'GT') and v < D('0.8') * h:
            f.append(('LIBRARY_VALUE_TOO_EASY', 'WARN'))
        if h is not None and i['operator'] in ('LE', 'LT') and v > h / D('0.8'):
            f.append(('LIBRARY_VALUE_TOO_EASY', 'WARN'))
    return f


def compile_findings(p, phase, region=None):
    f = []
    add = lambda rid, sev: f.append((rid, sev))
    t = p.get('target')
    inds = (t or {}).get('indicators') or []
    if not t or not inds:
        add('SYNC_COMPILE_TARGET_MISSING', 'BLOCK')
    budget = parse_num(p.get('budgetAmount'))
    ea = p.get('exAnte') or {}
    if (p.get('isNew') or p.get('isMajor')) and budget is not None and budget >= 5000000 and ea.get('status') != 'DONE':
        add('EX_ANTE_REQUIRED', 'BLOCK')
    if ea.get('conclusion') == 'NOT_SUPPORT':
        add('EX_ANTE_NOT_SUPPORTED', 'BLOCK')
    if inds:
        l1 = [i.get('level1') for i in inds]
        if 'OUTPUT' not in l1:
            add('INDICATOR_OUTPUT_MISSING', 'BLOCK')
        if 'BENEFIT' not in l1:
            add('INDICATOR_BENEFIT_MISSING', 'BLOCK')
        if 'SATISFACTION' not in l1:
            add('INDICATOR_SATISFACTION_MISSING', 'WARN')
        out2 = {i.get('level2') for i in inds if i.get('level1') == 'OUTPUT'}
        if 'OUTPUT' in l1 and not {'QUANTITY', 'QUALITY', 'TIMELINESS'} <= out2:
            add('INDICATOR_OUTPUT_DIMENSION_MISSING', 'WARN')
        cost = [i for i in inds if i.get('level1') == 'COST' or (i.get('level1') == 'OUTPUT' and i.get('level2') == 'COST')]
        if not cost:
            add('INDICATOR_COST_MISSING', 'WARN')
        quant = [i for i in inds if i.get('type') == 'QUANTITATIVE']
        bad = False
        for i in quant:
            v = parse_num(i.get('value'))
            if not i.get('operator') or i.get('value') in (None, '') or not i.get('unit') or v is None:
                bad = True
            elif i.get('operator') == 'RANGE':
                vm = parse_num(i.get('valueMax'))
                if vm is None or v > vm:
                    bad = True
        if bad:
            add('INDICATOR_QUANT_INCOMPLETE', 'BLOCK')
        if D(len(quant)) / D(len(inds)) < D('0.5'):
            add('INDICATOR_QUANT_SHARE_LOW', 'WARN')
        codes = [i.get('code') for i in inds]
        pairs = [(i.get('level2'), i.get('name')) for i in inds]
        if len(set(codes)) < len(codes) or len(set(pairs)) < len(pairs):
            add('INDICATOR_DUPLICATE', 'WARN')
        if any(not i.get('valueSource') for i in quant):
            add('INDICATOR_VALUE_SOURCE_MISSING', 'INFO')
        for i in cost:
            fac = YUAN.get((i.get('unit') or '').strip())
            op = i.get('operator')
            if fac is None or budget is None:
                continue
            bound = parse_num(i.get('valueMax')) if op == 'RANGE' else parse_num(i.get('value')) if op in ('LE', 'LT', 'EQ') else None
            if bound is not None and bound * fac > budget:
                add('COST_EXCEEDS_BUDGET', 'BLOCK')
                break
        ws = [i.get('weight') for i in inds]
        if all(w is not None for w in ws):
            total = sum(D(w) for w in ws)
            groups = defaultdict(D)
            for i in inds:
                g = 'OUTPUT' if i.get('level1') in ('OUTPUT', 'COST') else i.get('level1')
                groups[g] += D(i['weight'])
            if total != 90 or groups.get('OUTPUT', 0) != 50 or groups.get('BENEFIT', 0) != 30 or groups.get('SATISFACTION', 0) != 10:
                add('WEIGHTS_INVALID', 'WARN')
    if t is not None and not (t.get('overallGoal') or '').strip():
        add('GOAL_MISSING', 'WARN')
    if pidx(phase) >= pidx('REVIEWED') and t is not None:
        latest = {}
        for r in t.get('reviews') or []:
            if r['level'] not in latest or r['date'] >= latest[r['level']]['date']:
                latest[r['level']] = r
        ok = all(l in latest and latest[l]['outcome'] == 'PASS' for l in ('UNIT', 'DEPARTMENT', 'FINANCE'))
        if ok:
            ok = latest['UNIT']['date'] <= latest['DEPARTMENT']['date'] <= latest['FINANCE']['date']
        if pidx(t.get('phase')) < pidx('REVIEWED') or not ok:
            add('SYNC_REVIEW_TARGET_NOT_REVIEWED', 'BLOCK')
        if any(r['outcome'] == 'RETURN' for r in latest.values()):
            add('SYNC_REVIEW_TARGET_RETURNED', 'BLOCK')
    if pidx(phase) >= pidx('APPROVED') and t is not None:
        if pidx(t.get('phase')) < pidx('APPROVED'):
            add('SYNC_APPROVE_TARGET_NOT_APPROVED', 'BLOCK')
        a, b = (t.get('phaseDates') or {}).get('APPROVED'), (p.get('budgetPhaseDates') or {}).get('APPROVED')
        if a and b and a != b:
            add('SYNC_APPROVE_DATE_MISMATCH', 'BLOCK')
    if phase == 'PUBLISHED' and t is not None:
        if pidx(t.get('phase')) < pidx('PUBLISHED'):
            add('SYNC_PUBLISH_TARGET_NOT_PUBLISHED', 'BLOCK')
        a, b = (t.get('phaseDates') or {}).get('PUBLISHED'), (p.get('budgetPhaseDates') or {}).get('PUBLISHED')
        if a and b and a != b:
            add('SYNC_PUBLISH_DATE_MISMATCH', 'WARN')
        # rules v2 §9: published more than disclose.days (20) after the budget's approval
        approved = (p.get('budgetPhaseDates') or {}).get('APPROVED')
        if a and approved and (dt.date.fromisoformat(a) - dt.date.fromisoformat(approved)).days > 20:
            add('DISCLOSE_LATE', 'WARN')
    f += library_findings(p, region)
    sev = {s for _, s in f}
    outcome = 'BLOCK' if 'BLOCK' in sev else 'WARN' if 'WARN' in sev else 'PASS'
    return f, outcome


def time_progress(as_of):
    d = dt.date.fromisoformat(as_of)
    days = 366 if d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0) else 365
    return D(d.timetuple().tm_yday) / D(days)


def spend_curve(region, function_code):
    """The longest function-code prefix with a curve in the region's pack (rules.md §2 since rules v2), else None."""
    curves = SPEND_CURVES.get(region, {})
    for prefix in sorted(curves, key=len, reverse=True):
        if function_code.startswith(prefix):
            return prefix, [D(x) for x in curves[prefix].split(',')]
    return None


def curve_at(shares, as_of):
    d = dt.date.fromisoformat(as_of)
    start = D(0) if d.month == 1 else shares[d.month - 2]
    days = (dt.date(d.year + d.month // 12, d.month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return start + (shares[d.month - 1] - start) * D(d.day) / D(days)


def monitor(p, s, as_of, region=None):
    w = []
    tp = time_progress(as_of)
    if s is None:
        return [('NO_DATA', 'YELLOW', 'no snapshot')]
    budget = D(s['budgetAmount'])
    if budget == 0:
        w.append(('NO_DATA', 'YELLOW', 'zero budget'))
    else:
        er = D(s['paidAmount']) / budget
        curve = spend_curve(region, p['functionCode'])
        expected = curve_at(curve[1], as_of) if curve else tp
        gap = expected - er
        level = 'RED' if gap >= D('0.30') else 'YELLOW' if gap >= D('0.20') else 'BLUE' if gap >= D('0.10') else None
        why = 'gap %.4f' % gap + (', curve prefix.%s expects %.4f' % (curve[0], expected) if curve else '')
        if budget >= 2000000 and er < D('0.60') and as_of[5:] >= '08-31':
            level, why = 'RED', 'key: budget %s, rate %.2f after 31 Aug (gap %.4f)' % (budget, er, gap)
        if as_of[5:] >= '10-31' and er < D('0.50') and gap > 0:
            level, why = 'RED', 'RECLAIM %s: rate %.2f < 0.50 after 31 Oct, gap %.4f%s' % (
                money(budget * gap), er, gap, ' by curve prefix.%s' % curve[0] if curve else '')
        if level:
            w.append(('EXECUTION_LAG', level, why))
    acts = paired_actuals(p['target']['indicators'], s.get('indicators', []))
    risk, dev = [], []
    for i, a in zip(p['target']['indicators'], acts):
        if a is None:
            continue
        if i['type'] == 'QUALITATIVE':
            if a in ('C', 'D'):
                risk.append('%s=%s' % (i['code'], a))
        elif i.get('operator') in ('GE', 'GT'):
            v, av = parse_num(i.get('value')), parse_num(a)
            if v and av is not None:
                sf = tp - av / v
                if sf >= D('0.40'):
                    risk.append('%s shortfall %.3f' % (i['code'], sf))
                elif sf >= D('0.20'):
                    dev.append('%s shortfall %.3f' % (i['code'], sf))
    if risk:
        w.append(('TARGET_AT_RISK', 'RED', ', '.join(risk)))
    if dev:
        w.append(('TARGET_DEVIATION', 'YELLOW', ', '.join(dev)))
    return w


GRADE_FACTOR = {'A': D('1.0'), 'B': D('0.8'), 'C': D('0.6'), 'D': D('0')}


def grade(s):
    return 'EXCELLENT' if s >= 90 else 'GOOD' if s >= 80 else 'MEDIUM' if s >= 60 else 'POOR'


def score(p, e):
    inds = p['target']['indicators']
    findings = []
    if all(i.get('weight') is not None for i in inds):
        total = sum(D(i['weight']) for i in inds)
        w = [D(i['weight']) * 90 / total for i in inds]
        if total != 90:
            findings.append('WEIGHTS_INVALID')
    else:
        group = ['OUTPUT' if i['level1'] in ('OUTPUT', 'COST') else i['level1'] for i in inds]
        share = {'OUTPUT': D(50), 'BENEFIT': D(30), 'SATISFACTION': D(10)}
        w = [share[g] / group.count(g) for g in group]
    acts = paired_actuals(inds, e['indicators'])
    b, paid = D(e['budgetAmount']), D(e['paidAmount'])
    pts, mx = min(paid / b, D(1)) * 10, D(10)
    parts = [('EXECUTION_RATE', pts)]
    for i, a, wi in zip(inds, acts, w):
        if a is None:
            continue
        if i['type'] == 'QUALITATIVE':
            got = GRADE_FACTOR[a] * wi
        else:
            v, av, op = parse_num(i['value']), parse_num(a), i['operator']
            if v is None or av is None:
                findings.append('UNREADABLE:' + i['code'])
                continue
            if op in ('GE', 'GT'):
                got = min(av / v, D(1)) * wi
            elif op in ('LE', 'LT'):
                got = wi if av <= v else v / av * wi
            elif op == 'EQ':
                got = wi if av == v else min(av, v) / max(av, v) * wi
            else:
                vm = parse_num(i['valueMax'])
                got = wi if v <= av <= vm else (av / v * wi if av < v else vm / av * wi)
        pts += got
        mx += wi
        parts.append((i['code'], got))
    computed = pts / mx * 100
    return computed, findings, parts


LINK = {
    ('PROJECT', 'EXCELLENT'): ('PRIORITIZE', '0'), ('PROJECT', 'GOOD'): ('KEEP', '0'),
    ('PROJECT', 'MEDIUM'): ('REDUCE', '-0.10'),
    ('POLICY', 'EXCELLENT'): ('CONTINUE', '0'), ('POLICY', 'GOOD'): ('CONTINUE', '0'),
    ('POLICY', 'MEDIUM'): ('ADJUST', '0'), ('POLICY', 'POOR'): ('TERMINATE', '-1.00'),
    ('TRANSFER', 'EXCELLENT'): ('PRIORITIZE', '0.05'), ('TRANSFER', 'GOOD'): ('KEEP', '0'),
    ('TRANSFER', 'MEDIUM'): ('REDUCE', '-0.05'), ('TRANSFER', 'POOR'): ('REDUCE', '-0.15'),
}


def linkage(kind, recurrence, g, s):
    if kind == 'PROJECT' and g == 'POOR':
        if recurrence == 'ONE_OFF' or s < 40:
            return 'CANCEL', '-1.00'
        return 'REDUCE', '-0.30'
    return LINK[(kind, g)]


LEVEL = {'BLUE': 1, 'YELLOW': 2, 'RED': 3}


def policy_composite(r, p, evaluation_score):
    """rules v2 §4.2 for a POLICY/TRANSFER project: 0.2 ASSESSMENT + 0.3 MONITORING + 0.5 EVALUATION over the present
    ones. m = max(0, 100 - 10 uncleared RED - 5 uncleared YELLOW); a YELLOW/RED warning is cleared when the next
    round gives that type a lower level or none; the last round clears nothing. Reading: a project with no warning
    in the year has no monitoring record, hence no m; no demo project has an ex-ante points record of its own
    (ex-ante is absent or not required). Returns (composite, m) or None when only the Score is present."""
    rounds = []
    for as_of in (R1, R2):
        s = next((x for x in EXECUTION[r] if x['projectCode'] == p['projectCode'] and x['asOf'] == as_of), None)
        rounds.append({t: lv for t, lv, _ in monitor(p, s, as_of)} if p['projectCode'] in MONITORED[r] else {})
    if not any(rounds) or p.get('exAnte'):
        return None
    red = yellow = 0
    for k, ws in enumerate(rounds):
        for t, lv in ws.items():
            if lv not in ('RED', 'YELLOW'):
                continue
            nxt = rounds[k + 1].get(t) if k + 1 < len(rounds) else lv
            if k + 1 < len(rounds) and (nxt is None or LEVEL[nxt] < LEVEL[lv]):
                continue
            red += lv == 'RED'
            yellow += lv == 'YELLOW'
    m = max(D(0), D(100) - 10 * red - 5 * yellow)
    return (D('0.3') * m + D('0.5') * evaluation_score) / D('0.8'), m


def money(x):
    return x.quantize(D('0.01'), ROUND_HALF_UP)


# ------------------------------------------------------------------ build, check, write

def main():
    regions = []
    for r, meta in REGIONS.items():
        regions.append(OrderedDict([
            ('regionCode', r), ('name', meta['name']), ('year', YEAR),
            ('projects', [e['p'] for e in PROJECTS if e['region'] == r]),
            ('execution', EXECUTION[r]), ('evaluations', EVALUATIONS[r]), ('departments', dept_json(r)),
            ('events', []), ('scriptedEvents', scripted(r))]))
    doc = OrderedDict([('name', 'demo'),
                       ('comment', 'PerfLink demo dataset (演示数据), year 2027; built by src/demo/build_demo_dataset.py; '
                                   'expectations in EXPECTED.md. Events are scripted: push them with '
                                   'POST /mock/script?stage=COMPILE|EXECUTE|CLOSE.'),
                       ('regions', regions)])
    os.makedirs(OUT, exist_ok=True)
    library = OrderedDict([('version', 2), ('comment', 'Indicator library of 440300 深圳市(演示), overlaying the '
                                                     "installation's (docs/indicator-library.md); built by "
                                                     'bundles/mock-host/src/demo/build_demo_dataset.py.'),
                           ('entries', LIBRARY[V])])
    with open(os.path.join(HERE, '..', '..', '..', '..', 'config', 'demo', 'perflink-indicator-library-440300.json'),
              'w', encoding='utf-8') as fh:
        json.dump(library, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    with open(os.path.join(OUT, 'demo-dataset.json'), 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write('\n')

    L = []
    L.append('# Demo dataset — what each project is designed to trigger\n')
    L.append('Generated by `src/demo/build_demo_dataset.py` from its own reading of shared/design/rules.md (default '
             'rule pack; 440300 its own pack sz-demo). Year 2027; time progress 0.5808 at 2027-07-31 (212/365) and 0.7479 '
             'at 2027-09-30 (273/365). '
             'Events are scripted, not served at start: `POST /mock/script?stage=COMPILE`, then `EXECUTE`, then `CLOSE`.\n')
    L.append('Reading notes (where rules.md leaves room): indicator checks are listed only for targets that have '
             'indicators (an empty target reports SYNC_COMPILE_TARGET_MISSING; an implementation may add the '
             '*_MISSING indicator rules too); INDICATOR_OUTPUT_DIMENSION_MISSING is listed only when OUTPUT indicators '
             'exist; a latest RETURN review also means that level lacks a PASS, so SYNC_REVIEW_TARGET_RETURNED comes '
             'with SYNC_REVIEW_TARGET_NOT_REVIEWED; LIBRARY_UNKNOWN_INDICATOR depends on the indicator library and '
             'is not listed; a zero budget reports NO_DATA and no EXECUTION_LAG.\n')
    L.append('Rules v2 close stage (§3, §4.1, §4.2), read by hand against this dataset; one linkage changes (000127). '
             '§3.1 a missing actual scores 0: the only indicators without an actual (440000-2027-000122 O2, target '
             "'约10'; 440000-2027-000127 O3, RANGE 90..85) have targets that cannot be read, so they are dropped as "
             'before and 87.78 / 54.00 stand. §4.1 components from PerfLink\'s records: every 440000 department sends '
             'all four components, so the host\'s values are used (PerfLink\'s appear beside them in '
             '`basis.components`); 440100\'s 201 omits KEY_MONITORING and none of its evaluated projects (000111 '
             '950 000, 000112 1 600 000) is under key monitoring (≥ 2 000 000 or major), so it stays out and 90.00 '
             'stands. §4.2 POLICY/TRANSFER projects with warnings in the year are linked by their composite: 000125 '
             'stays EXCELLENT; 000127 becomes MEDIUM, REDUCE -0.05 (v1, the Score alone: POOR -0.15 → -330750.00; '
             '`composite.policy.weight.*` = 0 / 0 / 1 restores it); its POOR Score still counts for 103\'s '
             'RECTIFICATION (§3.4 looks at project grades). POLICY/TRANSFER projects without warnings keep their '
             'Score\'s linkage.\n')
    all_rules = set()
    for r in REGIONS:
        L.append('\n## %s %s\n' % (r, REGIONS[r]['name']))
        L.append('### Compile stage (verdicts)\n')
        L.append('| project | name | checked at | designed | findings (default severities) | outcome |')
        L.append('|---|---|---|---|---|---|')
        for e in PROJECTS:
            if e['region'] != r:
                continue
            p = e['p']
            if e['design'].startswith('MALFORMED'):
                L.append('| %s | %s | %s | %s | — (the item violates the contract: PerfLink should report it as '
                         'invalid, not crash) | — |' % (p['projectCode'], p['name'], e['phase'], e['design']))
                continue
            f, outcome = compile_findings(p, e['phase'], r)
            all_rules.update(x for x, _ in f)
            L.append('| %s | %s | %s | %s | %s | **%s** |' % (
                p['projectCode'], p['name'], e['phase'], e['design'],
                ', '.join('%s (%s)' % x for x in f) or '—', outcome))
        L.append('\n### Execute stage (warnings)\n')
        L.append('| project | ' + ' | '.join(ROUNDS[r]) + ' |')
        L.append('|---|' + '---|' * len(ROUNDS[r]))
        red_depts = set()
        for c in MONITORED[r]:
            p = BY_CODE[c]['p']
            cells = []
            for as_of in ROUNDS[r]:
                s = next((x for x in EXECUTION[r] if x['projectCode'] == c and x['asOf'] == as_of), None)
                ws = monitor(p, s, as_of, r)
                for t, lv, _ in ws:
                    all_rules.add(t + '/' + lv)
                    if lv == 'RED':
                        red_depts.add(p['departmentCode'])
                cells.append('; '.join('%s %s (%s)' % w for w in ws) or '—')
            L.append('| %s %s | %s |' % (c, p['name'], ' | '.join(cells)))
        if not EVALUATIONS[r]:
            L.append('\nNo close stage for this region in the demo.')
            continue
        L.append('\n### Close stage (scores, linkage)\n')
        L.append('| project | kind / recurrence | computed | basis | grade | action, ratio | base → delta | notes |')
        L.append('|---|---|---|---|---|---|---|---|')
        per_dept = defaultdict(lambda: dict(medium=[], poor=[], inflated=[]))
        for e in EVALUATIONS[r]:
            p = BY_CODE[e['projectCode']]['p']
            comp, fnd, _ = score(p, e)
            key = e.get('keyEvaluationScore')
            basis = D(key) if key is not None else comp
            g = grade(basis)
            link_grade, notes = g, list(fnd)
            pc = policy_composite(r, p, basis) if p['kind'] in ('POLICY', 'TRANSFER') else None
            if pc is not None:
                link_grade = grade(pc[0])
                notes.append('rules v2 §4.2 composite (0.3 × m %s + 0.5 × %s) / 0.8 = %s → %s' % (
                    pc[1], money(basis), money(pc[0]), link_grade))
            action, ratio = linkage(p['kind'], e['recurrence'], link_grade, basis)
            base = D(e['nextYearRequest'])
            if key is not None:
                notes.append('KEY_EVALUATION %s overrides' % key)
            if e.get('selfScore') is not None and D(e['selfScore']) - comp > 10:
                notes.append('SELF_SCORE_INFLATED (self %s)' % e['selfScore'])
                per_dept[p['departmentCode']]['inflated'].append(p['projectCode'])
            if g == 'MEDIUM':
                per_dept[p['departmentCode']]['medium'].append(p['projectCode'])
            if g == 'POOR':
                per_dept[p['departmentCode']]['poor'].append(p['projectCode'])
            all_rules.update({'GRADE/' + g, 'ACTION/%s/%s' % (p['kind'], action)})
            L.append('| %s %s | %s / %s | %s | %s | %s | %s %s | %s → %s | %s |' % (
                p['projectCode'], p['name'], p['kind'], e['recurrence'], money(comp),
                'KEY_EVALUATION' if key is not None else 'SELF_EVALUATION', g, action, ratio, base,
                money(base * D(ratio)), '; '.join(notes) or '—'))
        L.append('\n### Departments (composite, coefficient, notices)\n')
        L.append('| department | composite | grade | coefficient | baseline → delta | notices (reasons) |')
        L.append('|---|---|---|---|---|---|')
        weights = dict(KEY_ASSESSMENT=D('0.2'), KEY_TARGETS=D('0.2'), KEY_MONITORING=D('0.2'),
                       OVERALL_EVALUATION=D('0.4'))
        coef = dict(EXCELLENT=D('1.03'), GOOD=D('1.00'), MEDIUM=D('0.97'), POOR=D('0.90'))
        for code, comps, deds, base in DEPARTMENT_INPUTS[r]:
            ws = sum(weights[k] for k in comps)
            raw = sum(weights[k] * D(v) for k, v in comps.items()) / ws
            ded = sum(D(p) for _, p, _ in deds)
            comp = raw - min(ded, D(20))
            g = grade(comp)
            notices = []
            d = per_dept[code]
            why = []
            if d['medium']:
                why.append('MEDIUM ' + ', '.join(d['medium']))
            if d['inflated']:
                why.append('SELF_SCORE_INFLATED ' + ', '.join(d['inflated']))
            if code in red_depts:
                why.append('RED warning(s) in the year')
            if why:
                notices.append('REMINDER (' + '; '.join(why) + ')')
            why = []
            if d['poor']:
                why.append('POOR ' + ', '.join(d['poor']))
            if g == 'MEDIUM':
                why.append('composite MEDIUM')
            if why:
                notices.append('RECTIFICATION (' + '; '.join(why) + ')')
            why = []
            if g == 'POOR':
                why.append('composite POOR')
            if len(d['poor']) >= 3:
                why.append('%d projects POOR' % len(d['poor']))
            if why:
                notices.append('INTERVIEW (' + '; '.join(why) + ')')
            for n in notices:
                all_rules.add('NOTICE/' + n.split(' ')[0])
            all_rules.add('DEPT/' + g)
            note = ' (deductions %s capped at 20)' % ded if ded > 20 else ''
            L.append('| %s %s | %s%s | %s | %s | %s → %s | %s |' % (
                code, DEPTS[r][code], money(comp), note, g, coef[g], base, money(D(base) * (coef[g] - 1)),
                '; '.join(notices) or '—'))
    L.append('\n## Coverage\n')
    L.append(', '.join(sorted(all_rules)))
    L.append('')
    L += ['', '## Indicator library',
          "With the shipped `config/indicator-library.json` (built from this dataset), `LIBRARY_UNKNOWN_INDICATOR` "
          "fires once: on 440000-2027-000131 for 其他工作完成情况, which the library deliberately leaves out of "
          "function 2050202's core indicators.",
          '',
          '## Rules v2 showcase: 440300 深圳市(演示)',
          'Region 440300 has its own rule pack `sz-demo` (`config/demo/org.perflink.rulepack-sz-demo.cfg`): the '
          'back-loaded spending curve `monitor.spendCurve.prefix.212 = %s`, the dead band `monitor.clearBand = 0.03` '
          'and `library.file` = `config/demo/perflink-indicator-library-440300.json`, which overlays the installation\'s '
          'library at the prefix 212. Its capital works (function 2120303) are judged by the curve (the warning\'s '
          'metrics name `spendCurve` = `prefix.212` and its `expectedRate`); the third round (2027-11-30) is past '
          '`monitor.reclaim.fromDate` = 10-31, so 440300-2027-000102, 40 %% spent, gets `RECLAIM` with `reclaimAmount` '
          '= 3 000 000 × (0.88 − 0.40) = 1440000.00 (category IDLE_FUNDS, responsible FINANCE, rounds 2 after the key '
          'RED of 2027-09-30). Its round-1 BLUE of 440300-2027-000101 is cleared (NONE) in round 2. The verdicts carry '
          'the library\'s figure: LIBRARY_VALUE_TOO_EASY with `reference` 45 (history, level 212), and '
          'LIBRARY_UNIT_MISMATCH with `libraryUnit` 公里.' % SPEND_CURVES[V]['212'], '']
    with open(os.path.join(OUT, 'EXPECTED.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(L))
    return all_rules


if __name__ == '__main__':
    rules = main()
    wanted = ['SYNC_COMPILE_TARGET_MISSING', 'SYNC_REVIEW_TARGET_NOT_REVIEWED', 'SYNC_REVIEW_TARGET_RETURNED',
              'SYNC_APPROVE_TARGET_NOT_APPROVED', 'SYNC_APPROVE_DATE_MISMATCH', 'SYNC_PUBLISH_TARGET_NOT_PUBLISHED',
              'SYNC_PUBLISH_DATE_MISMATCH', 'EX_ANTE_REQUIRED', 'EX_ANTE_NOT_SUPPORTED', 'INDICATOR_OUTPUT_MISSING',
              'INDICATOR_BENEFIT_MISSING', 'INDICATOR_SATISFACTION_MISSING', 'INDICATOR_OUTPUT_DIMENSION_MISSING',
              'INDICATOR_COST_MISSING', 'INDICATOR_QUANT_INCOMPLETE', 'INDICATOR_QUANT_SHARE_LOW',
              'INDICATOR_DUPLICATE', 'INDICATOR_VALUE_SOURCE_MISSING', 'COST_EXCEEDS_BUDGET', 'WEIGHTS_INVALID',
              'GOAL_MISSING', 'EXECUTION_LAG/BLUE', 'EXECUTION_LAG/YELLOW', 'EXECUTION_LAG/RED',
              'TARGET_DEVIATION/YELLOW', 'TARGET_AT_RISK/RED', 'NO_DATA/YELLOW', 'GRADE/EXCELLENT', 'GRADE/GOOD',
              'GRADE/MEDIUM', 'GRADE/POOR', 'DEPT/EXCELLENT', 'DEPT/GOOD', 'DEPT/MEDIUM', 'DEPT/POOR',
              'NOTICE/REMINDER', 'NOTICE/RECTIFICATION', 'NOTICE/INTERVIEW',
              'ACTION/PROJECT/PRIORITIZE', 'ACTION/PROJECT/KEEP', 'ACTION/PROJECT/REDUCE', 'ACTION/PROJECT/CANCEL',
              'ACTION/POLICY/CONTINUE', 'ACTION/POLICY/ADJUST', 'ACTION/POLICY/TERMINATE',
              'ACTION/TRANSFER/PRIORITIZE', 'ACTION/TRANSFER/KEEP', 'ACTION/TRANSFER/REDUCE']
    missing = [w for w in wanted if w not in rules]
    print('projects:', len(PROJECTS), 'missing coverage:', missing or 'none')
    import v11_region  # the host contract v1.1 region 440300, appended to both files
    v11_region.main()
    import v11_followup  # the follow-up of notices (rules.md §5) in 440400, appended to both files
    v11_followup.main()
    import v11_assess  # the work-assessment region 440500 (rules.md §6), appended to both files
    v11_assess.main()
    import lower_regions  # rules v2 §4.3: 440400's lower regions (an overlay) and their transfer baselines
    lower_regions.main()
