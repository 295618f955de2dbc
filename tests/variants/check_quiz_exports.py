#!/usr/bin/env python3
"""Reads the question banks `ncv variant` exports with readers that are not ncv's: GIFT with the
third-party gift-pegjs parser (installed from the npm registry into BUILD_DIR/quiz-readers), Moodle
XML with Python's XML parser and the Cloze syntax Moodle documents, QTI 1.2 as Canvas reads its
numerical questions, PrairieLearn's server.py run as PrairieLearn runs it. Every number each reader finds
must equal the answer key of `--format json`, and every question must state the conventions. A bank
that is not proven (a compiler that refuses it) must exit 4 and write nothing.

  check_quiz_exports.py NCV_BINARY SOURCE_DIR BUILD_DIR
"""
import fractions
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NCV, SOURCE, BUILD = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def ncv(*args, env=None):
    return subprocess.run([NCV, 'variant', *args], capture_output=True, text=True, env=env)


def readers():
    """The npm packages of tests/quiz_readers, installed once per build directory with npm ci."""
    folder = BUILD / 'quiz-readers'
    if not (folder / 'node_modules' / 'gift-pegjs').is_dir():
        folder.mkdir(exist_ok=True)
        for name in ('package.json', 'package-lock.json', 'read_gift.js'):
            shutil.copy(SOURCE / 'tests' / 'quiz_readers' / name, folder / name)
        subprocess.run(['npm', 'ci', '--no-audit', '--no-fund', '--silent'], cwd=folder, check=True)
    shutil.copy(SOURCE / 'tests' / 'quiz_readers' / 'read_gift.js', folder / 'read_gift.js')
    return folder


def key_entries(variant):
    """Entry name (as ncv names it: Q2a.B(1,2), Q1b.w2(1), Q2b.count) -> Fraction, for one variant."""
    entries = {}
    for answer_id, value in variant['answers'].items():
        if isinstance(value, list) and value and isinstance(value[0], list):
            for i, row in enumerate(value):
                for j, x in enumerate(row):
                    entries[f'{answer_id}({i + 1},{j + 1})'] = fractions.Fraction(str(x))
        elif isinstance(value, list):
            for k, x in enumerate(value):
                entries[f'{answer_id}({k + 1})'] = fractions.Fraction(str(x))
        else:
            entries[answer_id] = fractions.Fraction(str(value))
    return entries


def variant_of(title, with_entry, where):
    """(seed, entry) from a question's title, 'Neural computation, variant 7[, Q2a.B(1,2)]', or None."""
    m = re.fullmatch(r'Neural computation, variant (\d+)' + (r', (.+)' if with_entry else ''), title or '')
    check(m is not None, f'{where}: unexpected title {title!r}')
    return (int(m.group(1)), m.group(2) if with_entry else None) if m else None


def states_conventions(text, reading):
    return ('Indices count from 1' in text and ('cross-correlation' if reading == 'cross-correlation' else 'true convolution') in text
            and 'padding' in text and 'stride' in text)


def main():
    seed, count = 300, 6
    options = ['--seed', str(seed), '--count', str(count), '--input-size', '6', '--padding', '1', '--reading', 'convolution']
    bank = json.loads(ncv(*options, '--format', 'json').stdout)
    check(len(bank) == count and [v['seed'] for v in bank] == list(range(seed, seed + count)), 'json: seeds S..S+N-1')
    keys = {v['seed']: key_entries(v) for v in bank}

    # GIFT, through gift-pegjs: one question per number, titled "<title>, <entry>".
    with tempfile.TemporaryDirectory() as tmp:
        gift_file = pathlib.Path(tmp) / 'bank.gift'
        gift_file.write_text(ncv(*options, '--format', 'gift').stdout)
        parsed = json.loads(subprocess.run(['node', str(readers() / 'read_gift.js'), str(gift_file)],
                                           capture_output=True, text=True, check=True).stdout)
    found = 0
    for q in parsed:
        if q['type'] == 'Category':
            continue
        titled = variant_of(q['title'], True, 'gift')
        if not titled:
            continue
        expected = keys[titled[0]].get(titled[1])
        check(expected is not None, f'gift: {q["title"]}: no such answer')
        if q['type'] == 'Numerical':
            check(q['tolerance'] == 0 and expected == q['number'], f'gift: {q["title"]}: {q["number"]} ± {q["tolerance"]}, key {expected}')
        else:
            check(q['type'] == 'Short' and q['text'] == [str(expected)], f'gift: {q["title"]}: {q["text"]}, key {expected}')
        check(states_conventions(q['stem'], 'convolution'), f'gift: {q["title"]}: the stem does not state the conventions')
        check('\\(' in q['stem'] and '\\begin{bmatrix}' in q['stem'] or 'Q2a' not in q['title'], f'gift: {q["title"]}: math lost')
        found += 1
    check(found == sum(len(k) - 2 for k in keys.values()), f'gift: {found} questions, expected one per number not given')

    # Moodle XML: one Cloze question per variant; NUMERICAL blanks with tolerance 0 for integers,
    # SHORTANSWER blanks with the fraction (Moodle escapes / in Cloze answers as \/) otherwise.
    root = ET.fromstring(ncv(*options, '--format', 'moodle').stdout)
    check(root.tag == 'quiz', 'moodle: the root is <quiz>')
    cloze = [q for q in root.findall('question') if q.get('type') == 'cloze']
    check(len(cloze) == count, f'moodle: {len(cloze)} cloze questions, expected {count}')
    for question in cloze:
        name = question.findtext('name/text')
        titled = variant_of(name, False, 'moodle')
        if not titled:
            continue
        key = keys[titled[0]]
        text = question.findtext('questiontext/text')
        check(question.find('questiontext').get('format') == 'html', 'moodle: html question text')
        check(states_conventions(text, 'convolution'), f'moodle: {name}: the conventions are not stated')
        blanks = re.findall(r'\{(\d*):(NUMERICAL|NM|SHORTANSWER|SA):((?:\\.|[^}])*)\}', text)
        values = []
        for _, kind, answers in blanks:
            correct = [a for a in re.split(r'(?<!\\)~', answers) if a.startswith('=') or a.startswith('%100%')]
            check(len(correct) == 1, f'moodle: {name}: a blank without one correct answer: {answers}')
            answer = re.sub(r'\\(.)', r'\1', correct[0].lstrip('=').split('#')[0])
            if kind in ('NUMERICAL', 'NM'):
                value, tolerance = answer.split(':')
                check(fractions.Fraction(tolerance) == 0, f'moodle: {name}: tolerance {tolerance}')
                values.append(fractions.Fraction(value))
            else:
                values.append(fractions.Fraction(answer))
        labels = re.findall(r'\\\((.*?)\\\) = \{', text)
        check(len(blanks) == len(key) - 2 == len(labels), f'moodle: {name}: {len(blanks)} blanks for {len(key) - 2} numbers')
        expected = sorted(v for k, v in key.items() if k not in given_names(bank, titled[0]))
        check(sorted(values) == expected, f'moodle: {name}: the blanks are not the answer key')

    # QTI 1.2 as Canvas imports it: the manifest names the assessment; one numerical_question per
    # number whose accepted range holds the exact value (an integer exactly, a fraction within 0.00005).
    with tempfile.TemporaryDirectory() as tmp:
        run = ncv(*options, '--format', 'qti', '--output', tmp)
        check(run.returncode == 0, f'qti: exit {run.returncode}: {run.stderr}')
        manifest = ET.parse(pathlib.Path(tmp) / 'imsmanifest.xml').getroot()
        ns = {'cp': 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1', 'q': 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2'}
        resource = manifest.find('cp:resources/cp:resource', ns)
        check(resource is not None and resource.get('type') == 'imsqti_xmlv1p2', 'qti: the manifest has no QTI 1.2 resource')
        href = resource.find('cp:file', ns).get('href') if resource is not None else ''
        assessment = ET.parse(pathlib.Path(tmp) / href).getroot()
        items = assessment.findall('q:assessment/q:section/q:item', ns)
        check(len(items) == found, f'qti: {len(items)} items, expected {found}')
        for item in items:
            title = item.get('title')
            titled = variant_of(title, True, 'qti')
            if not titled:
                continue
            expected = keys[titled[0]][titled[1]]
            kind = {f.findtext('q:fieldlabel', namespaces=ns): f.findtext('q:fieldentry', namespaces=ns)
                    for f in item.findall('q:itemmetadata/q:qtimetadata/q:qtimetadatafield', ns)}
            check(kind.get('question_type') == 'numerical_question', f'qti: {title}: not a numerical_question')
            low = fractions.Fraction(item.findtext('q:resprocessing/q:respcondition/q:conditionvar/q:vargte', namespaces=ns))
            high = fractions.Fraction(item.findtext('q:resprocessing/q:respcondition/q:conditionvar/q:varlte', namespaces=ns))
            tolerance = fractions.Fraction(1, 20000)
            if expected.denominator == 1:
                check(low == high == expected, f'qti: {title}: [{low}, {high}] for the integer {expected}')
            else:
                check(low <= expected - tolerance and expected + tolerance <= high and high - low <= 2 * tolerance + fractions.Fraction(2, 10**6),
                      f'qti: {title}: [{low}, {high}] for {expected}')
            text = item.findtext('q:presentation/q:material/q:mattext', namespaces=ns)
            check(states_conventions(text, 'convolution'), f'qti: {title}: the conventions are not stated')
            check(expected.denominator == 1 or '0.00005' in text, f'qti: {title}: the tolerance is not stated')

    # PrairieLearn: info.json as PrairieLearn's question schema requires it (uuid, title, topic,
    # type v3); question.html's inputs; server.py run as PrairieLearn runs it, generate(data), for
    # several seeds: every input gets the key's value, every params the page uses is set.
    with tempfile.TemporaryDirectory() as tmp:
        run = ncv(*options, '--format', 'prairielearn', '--output', tmp)
        check(run.returncode == 0, f'prairielearn: exit {run.returncode}: {run.stderr}')
        info = json.loads((pathlib.Path(tmp) / 'info.json').read_text())
        check(re.fullmatch(r'[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}', info.get('uuid', '')) is not None,
              f'prairielearn: uuid {info.get("uuid")}')
        check(info.get('type') == 'v3' and info.get('title') and info.get('topic'), f'prairielearn: info.json {info}')
        page = (pathlib.Path(tmp) / 'question.html').read_text()

        class Inputs(html.parser.HTMLParser):
            names = []

            def handle_starttag(self, tag, attrs):
                if tag == 'pl-number-input':
                    self.names.append(dict(attrs)['answers-name'])

        reader = Inputs()
        reader.feed(page)
        namespace = {}
        exec(compile((pathlib.Path(tmp) / 'server.py').read_text(), 'server.py', 'exec'), namespace)
        seen = set()
        for student in range(40):
            namespace['random'].seed(student)
            data = {'params': {}, 'correct_answers': {}}
            namespace['generate'](data)
            seed = int(data['params']['title'].rsplit(' ', 1)[1])
            seen.add(seed)
            key = {re.sub(r'[^A-Za-z0-9]', '_', k).rstrip('_'): v for k, v in keys[seed].items()}
            for name in reader.names:
                check(name in key and abs(data['correct_answers'].get(name, 1e300) - float(key[name])) <= 1e-12 * abs(float(key[name])),
                      f'prairielearn: variant {seed}: {name} = {data["correct_answers"].get(name)}, key {key.get(name)}')
            for used in re.findall(r'\{\{\{params\.(\w+)\}\}\}', page):
                check(used in data['params'], f'prairielearn: params.{used} is not set')
            check(states_conventions(data['params']['conventions'], 'convolution'), 'prairielearn: the conventions are not stated')
        check(len(reader.names) == found // count and len(seen) > 1, f'prairielearn: {len(reader.names)} inputs, {len(seen)} variants drawn')

    # Not proven: a compiler that refuses every unit makes ncv exit 4 and write nothing.
    compiler = ncv('--seed', '1', '--format', 'cpp').stdout.splitlines()[2].split()[1]
    check('/' not in compiler, f'the configured compiler {compiler} is a path: the test cannot put another in its place')
    with tempfile.TemporaryDirectory() as tmp:
        fake = pathlib.Path(tmp) / compiler
        fake.write_text('#!/bin/sh\necho "error: refused by the test"\nexit 1\n')
        fake.chmod(0o755)
        env = dict(os.environ, PATH=tmp + os.pathsep + os.environ['PATH'])
        for fmt in ('json', 'moodle', 'gift', 'cpp', 'qti'):
            run = ncv('--seed', '1', '--count', '3', '--format', fmt, '--output', os.path.join(tmp, 'out'), env=env) if fmt == 'qti' \
                else ncv('--seed', '1', '--count', '3', '--format', fmt, env=env)
            check(run.returncode == 4 and run.stdout == '' and run.stderr.startswith('ncv variant: not proven: error: refused'),
                  f'not proven ({fmt}): exit {run.returncode}, stdout {run.stdout[:80]!r}, stderr {run.stderr[:200]!r}')
        check(not os.path.exists(os.path.join(tmp, 'out')), 'not proven: the folder was written')

    for f in failures:
        print('FAIL:', f)
    print(f'{len(failures)} failures; {found} GIFT questions, {len(cloze)} Moodle questions, QTI items and a PrairieLearn question read')
    return 1 if failures else 0


def given_names(bank, seed):
    variant = next(v for v in bank if v['seed'] == seed)
    return {'Q2a.B' + name[1:] for name in variant['problem']['Q2']['given']}


if __name__ == '__main__':
    sys.exit(main())
