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
 * zero-width characters, line/paragraph separators, BOM, non-characters, lone surrogates. */
#define ODD_LATIN1(c) \
    (((c) < 0x20 && (c) != 0x0a) | ((c) == 0x7f) | ((c) == 0x85) | ((c) == 0xa0) | ((c) == 0xad))
#define ODD_WIDE(c)                                                                              \
    (ODD_LATIN1(c) | ((c) == 0x1680) | ((c) >= 0x2000 && (c) <= 0x200f) | ((c) == 0x2028) |       \
     ((c) == 0x2029) | ((c) == 0x202f) | ((c) == 0x205f) | ((c) == 0x2060) | ((c) == 0x3000) |    \
     ((c) >= 0xd800 && (c) <= 0xdfff) | ((c) == 0xfeff) | ((c) == 0xfffe) | ((c) == 0xffff))

#define SCAN(T, ODD)                                                      \
    do {                                                                  \
        const T *p = (const T *)data;                                     \
        Py_ssize_t i = 0;                                                 \
        while (i < n) {                                                   \
            Py_ssize_t end = (n - i > BLOCK) ? i + BLOCK : n;             \
            unsigned int o = 0, b = 0;                                    \
            for (; i < end; i++) {                                        \
                Py_UCS4 c = p[i];                                         \
                o |= ODD(c);                                              \
                b += (c == 0) | (c == 0xfffd);                            \
            }                                                             \
            odd |= o;                                                     \
            bad += b;                                                     \
        }                                                                 \
    } while (0)

static int
unpack(PyObject *arg, int *kind, const void **data, Py_ssize_t *n)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %.100s", Py_TYPE(arg)->tp_name);
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(arg) < 0) {
        return -1;
    }
#endif
    *kind = PyUnicode_KIND(arg);
    *data = PyUnicode_DATA(arg);
    *n = PyUnicode_GET_LENGTH(arg);
    return 0;
}

static PyObject *
count_spaces(PyObject *module, PyObject *arg)
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
has_double_space(PyObject *module, PyObject *arg)
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
scan_text(PyObject *module, PyObject *arg)
{
    int kind;
    const void *data;
    Py_ssize_t n, bad = 0;
    unsigned int odd = 0;
    if (unpack(arg, &kind, &data, &n) < 0) {
        return NULL;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        SCAN(Py_UCS1, ODD_LATIN1);
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        SCAN(Py_UCS2, ODD_WIDE);
    }
    else {
        SCAN(Py_UCS4, ODD_WIDE);
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
