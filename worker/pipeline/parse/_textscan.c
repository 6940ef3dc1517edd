/* Whole-text scans of the parser in C: one pass each over a str's own code units, no copies.
 *
 * count_spaces(s)      == s.count(" ")
 * has_double_space(s)  == ("  " in s)
 * scan_text(s)         == (needs_normalizing(s), s.count("\ufffd") + s.count("\x00"))
 *
 * The Python fallbacks in textscan.py define the behaviour; tests check these against them.  The loops
 * keep no data-dependent branches inside a block, so the compiler can vectorise them (CPython's own
 * str.count stops at every match, which costs ~2 ns per character on text full of spaces).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "native_str.h"

#define BLOCK 4096

#define COUNT_SPACES(T)                                                   \
    do {                                                                  \
        const T *p = (const T *)data;                                     \
        Py_ssize_t i = 0;                                                 \
        while (i < n) {                                                   \
            Py_ssize_t end = (n - i > BLOCK) ? i + BLOCK : n;             \
            unsigned int c = 0;                                           \
            for (; i < end; i++) c += (p[i] == 0x20);                     \
            count += c;                                                   \
        }                                                                 \
    } while (0)

#define DOUBLE_SPACE(T)                                                   \
    do {                                                                  \
        const T *p = (const T *)data;                                     \
        Py_ssize_t i = 0;                                                 \
        while (i + 1 < n && !found) {                                     \
            Py_ssize_t end = (n - 1 - i > BLOCK) ? i + BLOCK : n - 1;     \
            unsigned int f = 0;                                           \
            for (; i < end; i++) f |= (p[i] == 0x20) & (p[i + 1] == 0x20); \
            found = f;                                                    \
        }                                                                 \
    } while (0)

/* A character normalize_text rewrites: C0 controls but LF, DEL, NEL, NBSP, soft hyphen, odd spaces,
 * zero-width characters, line/paragraph separators, BOM, non-characters, lone surrogates.  Written with
 * & and | only (no short-circuit branches) and unsigned range tests, in the code unit's own width, so
 * the loops vectorise.  GCC would merge the equality tests into 64-bit bit tests that do not vectorise
 * (tree-reassoc), hence the attribute. */
#if defined(__GNUC__) && !defined(__clang__)
#define VECTORISABLE __attribute__((optimize("no-tree-reassoc")))
#else
#define VECTORISABLE
#endif

#define IN(T, c, lo, hi) ((T)((c) - (lo)) <= (T)((hi) - (lo)))
#define ODD_LATIN1(T, c)                                                                    \
    (IN(T, c, 0x00, 0x09) | IN(T, c, 0x0b, 0x1f) | ((c) == 0x7f) | ((c) == 0x85) | ((c) == 0xa0) | \
     ((c) == 0xad))
#define ODD_WIDE(T, c)                                                                        \
    (ODD_LATIN1(T, c) | ((c) == 0x1680) | IN(T, c, 0x2000, 0x200f) | IN(T, c, 0x2028, 0x2029) | \
     ((c) == 0x202f) | IN(T, c, 0x205f, 0x2060) | ((c) == 0x3000) | IN(T, c, 0xd800, 0xdfff) |   \
     ((c) == 0xfeff) | IN(T, c, 0xfffe, 0xffff))

/* scan_<T>: odd |= any odd code unit; returns the number of NUL and U+FFFD code units. */
#define DEFINE_SCAN(NAME, T, ODD)                                                  \
    static VECTORISABLE Py_ssize_t NAME(const T *p, Py_ssize_t n, unsigned int *odd) \
    {                                                                              \
        Py_ssize_t i = 0, bad = 0;                                                 \
        T o = 0;                                                                   \
        while (i < n) {                                                            \
            Py_ssize_t block = sizeof(T) == 1 ? 255 : BLOCK; /* b cannot overflow */ \
            Py_ssize_t end = (n - i > block) ? i + block : n;                      \
            T b = 0;                                                               \
            for (; i < end; i++) {                                                 \
                T c = p[i];                                                        \
                o |= (T)ODD(T, c);                                                 \
                b += (T)((c == 0) | ((unsigned int)c == 0xfffdu));                 \
            }                                                                      \
            bad += b;                                                              \
        }                                                                          \
        *odd = o != 0;                                                             \
        return bad;                                                                \
    }

DEFINE_SCAN(scan_ucs1, Py_UCS1, ODD_LATIN1)
DEFINE_SCAN(scan_ucs2, Py_UCS2, ODD_WIDE)
DEFINE_SCAN(scan_ucs4, Py_UCS4, ODD_WIDE)

static PyObject *
count_spaces(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int kind;
    const void *data;
    Py_ssize_t n, count = 0;
    if (unpack(arg, &kind, &data, &n) < 0) {
        return NULL;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        COUNT_SPACES(Py_UCS1);
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        COUNT_SPACES(Py_UCS2);
    }
    else {
        COUNT_SPACES(Py_UCS4);
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
has_double_space(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int kind;
    const void *data;
    Py_ssize_t n;
    unsigned int found = 0;
    if (unpack(arg, &kind, &data, &n) < 0) {
        return NULL;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        DOUBLE_SPACE(Py_UCS1);
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        DOUBLE_SPACE(Py_UCS2);
    }
    else {
        DOUBLE_SPACE(Py_UCS4);
    }
    return PyBool_FromLong(found != 0);
}

static PyObject *
scan_text(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int kind;
    const void *data;
    Py_ssize_t n, bad = 0;
    unsigned int odd = 0;
    if (unpack(arg, &kind, &data, &n) < 0) {
        return NULL;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        bad = scan_ucs1((const Py_UCS1 *)data, n, &odd);
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        bad = scan_ucs2((const Py_UCS2 *)data, n, &odd);
    }
    else {
        bad = scan_ucs4((const Py_UCS4 *)data, n, &odd);
    }
    return Py_BuildValue("(Nn)", PyBool_FromLong(odd != 0), bad);
}

static PyMethodDef methods[] = {
    {"count_spaces", count_spaces, METH_O, "count_spaces(s) == s.count(' ')"},
    {"has_double_space", has_double_space, METH_O, "has_double_space(s) == ('  ' in s)"},
    {"scan_text", scan_text, METH_O,
     "scan_text(s) == (needs_normalizing(s), s.count('\\ufffd') + s.count('\\x00'))"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "worker.pipeline.parse._textscan",
    "Whole-text scans of the parser (see textscan.py for the Python reference).", -1, methods,
};

PyMODINIT_FUNC
PyInit__textscan(void)
{
    return PyModule_Create(&module_def);
}
