// The Python harness written beside each program: runs program.py, then tests.py with every assert recorded on its own, and reports on fd 3.

/**
 * Runs in the sandbox as `python3 harness.py <entry point>`. Each `assert` inside `check` (or at
 * the top level of the tests when there is no `check`) becomes a call that evaluates the condition
 * in a lambda and records 1 (held), 0 (false) or E (raised), so one failing assertion does not hide
 * the others and two programs can be grouped by their pass/fail vector. The report is one JSON line
 * on fd 3: {kind: done, results, failure?, completed} | {kind: error, stage, message} | {kind: memory}.
 * The program runs in the same interpreter as its tests (as in human-eval): a program that sets out
 * to forge this report can; the harness guards against mistakes and accidents, not against that.
 */
export const PYTHON_HARNESS = String.raw`
import ast, json, os, sys, traceback, types

REPORT = os.fdopen(3, 'w')
ENTRY = sys.argv[1] if len(sys.argv) > 1 else ''
RESULTS = []
FIRST = []

def emit(obj):
    REPORT.write(json.dumps(obj) + '\n')
    REPORT.flush()

def one_line(text, limit=300):
    text = ' '.join(str(text).split())
    return text if len(text) <= limit else text[:limit] + '...'

def describe(exc):
    return one_line(type(exc).__name__ + (': ' + str(exc) if str(exc) else ''))

class Rewrite(ast.NodeTransformer):
    def __init__(self, lines):
        self.lines = lines
    def visit_Assert(self, node):
        source = self.lines[node.lineno - 1].strip() if node.lineno <= len(self.lines) else 'assert'
        call = ast.Call(
            func=ast.Name(id='__thinkbench_assert__', ctx=ast.Load()),
            args=[ast.Lambda(args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=node.test),
                  ast.Constant(value=source)],
            keywords=[])
        return ast.copy_location(ast.Expr(value=call), node)

def record(condition, source):
    try:
        held = bool(condition())
        RESULTS.append('1' if held else '0')
        if not held and not FIRST:
            FIRST.append(source)
    except MemoryError:
        raise
    except BaseException as exc:
        RESULTS.append('E')
        if not FIRST:
            FIRST.append(source + '  (raised ' + describe(exc) + ')')

def test_line(exc, lines):
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == 'tests.py' and frame.lineno and frame.lineno <= len(lines):
            return lines[frame.lineno - 1].strip()
    return 'tests'

def main():
    module = types.ModuleType('program')
    sys.modules['program'] = module
    scope = module.__dict__
    scope['__thinkbench_assert__'] = record
    with open('program.py', encoding='utf-8') as f:
        program = f.read()
    with open('tests.py', encoding='utf-8') as f:
        tests = f.read()
    try:
        exec(compile(program, 'program.py', 'exec'), scope)
    except MemoryError:
        raise
    except BaseException as exc:
        emit({'kind': 'error', 'stage': 'program', 'message': describe(exc)})
        traceback.print_exc()
        return
    lines = tests.splitlines()
    try:
        tree = ast.parse(tests, 'tests.py')
    except SyntaxError as exc:
        emit({'kind': 'error', 'stage': 'tests', 'message': 'the tests do not parse: ' + describe(exc)})
        return
    check = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == 'check'), None)
    use_check = check is not None and ENTRY != ''
    if use_check:
        Rewrite(lines).visit(check)
    else:
        Rewrite(lines).visit(tree)
    ast.fix_missing_locations(tree)
    completed = True
    try:
        exec(compile(tree, 'tests.py', 'exec'), scope)
        if use_check:
            if ENTRY not in scope:
                emit({'kind': 'error', 'stage': 'program', 'message': 'the program does not define ' + ENTRY})
                return
            scope['check'](scope[ENTRY])
    except MemoryError:
        raise
    except BaseException as exc:
        completed = False
        RESULTS.append('E')
        if not FIRST:
            FIRST.append(test_line(exc, lines) + '  (raised ' + describe(exc) + ')')
        traceback.print_exc()
    emit({'kind': 'done', 'results': ''.join(RESULTS), 'failure': FIRST[0] if FIRST else None, 'completed': completed})

try:
    main()
except MemoryError:
    emit({'kind': 'memory'})
for stream in (sys.stdout, sys.stderr):
    try:
        stream.flush()
    except BaseException:
        pass
os._exit(0)
`;
