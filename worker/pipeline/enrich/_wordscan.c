/* Word-level hot loops of enrichment in C.  The Python definitions are the reference (tests compare):
 *
 * word_counts(s)          == (tokens.py_word_counts(s)): (WORD_RE.findall(s.lower()), their counts as a
 *                            dict in first-seen order); repeated words are one shared str object
 * simhash(tokens, table)  == identity.py_simhash_tokens(tokens) with table = identity._WORD_TABLES
 *                            (a dict, or a dict subclass whose __missing__ fills it)
 * indices(tokens, words)  == [i for i, t in enumerate(tokens) if t in words]   (words: a set)
 * cap_runs(s)             == [m.span() for m in entities.CAP_RUN.finditer(s)]  (capitalised runs)
 *
 * WORD_RE is [a-z][a-z'-]* over s.lower(): the only characters beyond ASCII whose lower case holds an
 * ASCII letter are U+0130 (-> "i" + U+0307, so it ends a word after its "i") and U+212A (-> "k"); every
 * other character beyond ASCII separates words.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "native_str.h"
#include <stdint.h>
#include <string.h>

static PyObject *empty_str; /* "" (the padding token of a text with fewer than three words) */

/* ---------------------------------------------------------------- word_counts */

/* ASCII code unit -> its byte in a word ('a'-'z' for letters, '\'' and '-'), 0 for a separator */
static unsigned char word_byte[128];

typedef struct {
    uint64_t hash;
    Py_ssize_t off, len; /* the word's bytes in the scratch buffer */
    Py_ssize_t count;
    PyObject *str;
} Word;

typedef struct {
    unsigned char *buf; /* bytes of every distinct word, one after the other */
    Py_ssize_t used;
    Word *words; /* distinct words in first-seen order */
    Py_ssize_t n_words, cap_words;
    Py_ssize_t *slots; /* open addressing: index into words + 1, 0 = empty */
    Py_ssize_t mask;
    PyObject *list;
} Scan;

#define FNV_OFFSET 1469598103934665603ULL /* FNV-1a, computed while the word's bytes are copied */
#define FNV_PRIME 1099511628211ULL

static inline int
same_bytes(const unsigned char *a, const unsigned char *b, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (a[i] != b[i]) {
            return 0;
        }
    }
    return 1;
}

static int
grow_slots(Scan *s)
{
    Py_ssize_t size = (s->mask + 1) * 2;
    Py_ssize_t *slots = PyMem_Calloc((size_t)size, sizeof(Py_ssize_t));
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t w = 0; w < s->n_words; w++) {
        Py_ssize_t i = (Py_ssize_t)(s->words[w].hash & (uint64_t)(size - 1));
        while (slots[i]) {
            i = (i + 1) & (size - 1);
        }
        slots[i] = w + 1;
    }
    PyMem_Free(s->slots);
    s->slots = slots;
    s->mask = size - 1;
    return 0;
}

/* The word whose bytes are at buf[off:off+len] (the end of the used part): append it to the list, as a
 * new str if it was not seen before (its bytes then stay in buf). */
static int
add_word(Scan *s, Py_ssize_t off, Py_ssize_t len, uint64_t h)
{
    const unsigned char *p = s->buf + off;
    Py_ssize_t i = (Py_ssize_t)(h & (uint64_t)s->mask);
    while (s->slots[i]) {
        Word *w = &s->words[s->slots[i] - 1];
        if (w->hash == h && w->len == len && same_bytes(s->buf + w->off, p, len)) {
            w->count++;
            s->used = off; /* forget the copy */
            return PyList_Append(s->list, w->str);
        }
        i = (i + 1) & s->mask;
    }
    if (s->n_words == s->cap_words) {
        Py_ssize_t cap = s->cap_words * 2;
        Word *words = PyMem_Realloc(s->words, (size_t)cap * sizeof(Word));
        if (words == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        s->words = words;
        s->cap_words = cap;
    }
    PyObject *str = PyUnicode_New(len, 127);
    if (str == NULL) {
        return -1;
    }
    memcpy(PyUnicode_1BYTE_DATA(str), p, (size_t)len);
    Word *w = &s->words[s->n_words++];
    w->hash = h;
    w->off = off;
    w->len = len;
    w->count = 1;
    w->str = str;
    s->slots[i] = s->n_words;
    if (2 * s->n_words > s->mask) {
        if (grow_slots(s) < 0) {
            return -1;
        }
    }
    return PyList_Append(s->list, str);
}

/* One pass over the code units: ``start`` is the buffer offset of the word being read, -1 outside one;
 * ``used`` and ``h`` (the word's hash so far) stay in registers. */
#define SCAN_WORDS(T)                                                                   \
    do {                                                                                \
        const T *p = (const T *)data;                                                   \
        unsigned char *buf = s.buf;                                                     \
        Py_ssize_t used = 0;                                                            \
        uint64_t h = FNV_OFFSET;                                                        \
        for (Py_ssize_t k = 0; k < n; k++) {                                            \
            Py_UCS4 c = p[k];                                                           \
            unsigned char b;                                                            \
            int last = 0;                                                               \
            if (c < 128) {                                                              \
                b = word_byte[c];                                                       \
            }                                                                           \
            else if (c == 0x212A) {                                                     \
                b = 'k';                                                                \
            }                                                                           \
            else if (c == 0x130) {                                                      \
                b = 'i';                                                                \
                last = 1; /* "i" + U+0307: the combining dot ends the word */           \
            }                                                                           \
            else {                                                                      \
                b = 0;                                                                  \
            }                                                                           \
            if (start >= 0) {                                                           \
                if (b) {                                                                \
                    buf[used++] = b;                                                    \
                    h = (h ^ b) * FNV_PRIME;                                            \
                }                                                                       \
                else {                                                                  \
                    s.used = used;                                                      \
                    if (add_word(&s, start, used - start, h) < 0) goto error;           \
                    used = s.used;                                                      \
                    start = -1;                                                         \
                }                                                                       \
            }                                                                           \
            else if (b >= 'a') {                                                        \
                start = used;                                                           \
                buf[used++] = b;                                                        \
                h = (FNV_OFFSET ^ b) * FNV_PRIME;                                       \
            }                                                                           \
            if (last && start >= 0) {                                                   \
                s.used = used;                                                          \
                if (add_word(&s, start, used - start, h) < 0) goto error;               \
                used = s.used;                                                          \
                start = -1;                                                             \
            }                                                                           \
        }                                                                               \
        s.used = used;                                                                  \
        last_hash = h;                                                                  \
    } while (0)

static PyObject *
word_counts(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int kind;
    const void *data;
    Py_ssize_t n, start = -1;
    uint64_t last_hash = FNV_OFFSET;
    PyObject *counts = NULL, *result = NULL;
    if (unpack(arg, &kind, &data, &n) < 0) {
        return NULL;
    }
    Scan s = {0};
    s.buf = PyMem_Malloc((size_t)n + 1);
    s.cap_words = 64;
    s.words = PyMem_Malloc((size_t)s.cap_words * sizeof(Word));
    s.mask = 127;
    s.slots = PyMem_Calloc((size_t)s.mask + 1, sizeof(Py_ssize_t));
    s.list = PyList_New(0);
    if (s.buf == NULL || s.words == NULL || s.slots == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    if (s.list == NULL) {
        goto error;
    }
    if (kind == PyUnicode_1BYTE_KIND) {
        SCAN_WORDS(Py_UCS1);
    }
    else if (kind == PyUnicode_2BYTE_KIND) {
        SCAN_WORDS(Py_UCS2);
    }
    else {
        SCAN_WORDS(Py_UCS4);
    }
    if (start >= 0 && add_word(&s, start, s.used - start, last_hash) < 0) {
        goto error;
    }
    counts = PyDict_New();
    if (counts == NULL) {
        goto error;
    }
    for (Py_ssize_t w = 0; w < s.n_words; w++) {
        PyObject *count = PyLong_FromSsize_t(s.words[w].count);
        if (count == NULL || PyDict_SetItem(counts, s.words[w].str, count) < 0) {
            Py_XDECREF(count);
            goto error;
        }
        Py_DECREF(count);
    }
    result = PyTuple_Pack(2, s.list, counts);
error:
    for (Py_ssize_t w = 0; w < s.n_words; w++) {
        Py_DECREF(s.words[w].str);
    }
    Py_XDECREF(counts);
    Py_XDECREF(s.list);
    PyMem_Free(s.buf);
    PyMem_Free(s.words);
    PyMem_Free(s.slots);
    return result;
}

/* ---------------------------------------------------------------- simhash */

#define ROW 24 /* bytes per word: three 64-bit tabulation entries (little-endian) */

static uint64_t
load_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = (v << 8) | p[i];
    }
    return v;
}

/* byte value -> eight byte lanes holding its eight bits (lane i = bit i) */
static uint64_t spread[256];

/* The three entries of ``word`` from ``table`` into ``t[0..2]``. */
static int
load_row(PyObject *table, PyObject *word, uint64_t *t)
{
    PyObject *row = PyDict_GetItemWithError(table, word); /* borrowed */
    PyObject *owned = NULL;
    if (row == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        row = owned = PyObject_GetItem(table, word); /* a subclass's __missing__ */
        if (row == NULL) {
            return -1;
        }
    }
    if (!PyBytes_Check(row) || PyBytes_GET_SIZE(row) != ROW) {
        Py_XDECREF(owned);
        PyErr_SetString(PyExc_ValueError, "simhash: a word's table entry is not 24 bytes");
        return -1;
    }
    const unsigned char *r = (const unsigned char *)PyBytes_AS_STRING(row);
    t[0] = load_le64(r);
    t[1] = load_le64(r + 8);
    t[2] = load_le64(r + 16);
    Py_XDECREF(owned);
    return 0;
}

static PyObject *
simhash(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "simhash(tokens: list[str], table: dict[str, bytes])");
        return NULL;
    }
    PyObject *tokens = args[0], *table = args[1];
    Py_ssize_t n_tok = PyList_GET_SIZE(tokens);
    Py_ssize_t padded = n_tok < 3 ? 3 : n_tok;
    /* The table is large (cache misses): look each word object up once.  Repeated words are one object
     * when the tokens come from word_counts; ``seen`` maps an object's address to its first position. */
    Py_ssize_t size = 16;
    while (size < 2 * padded) {
        size *= 2;
    }
    uint64_t *t = PyMem_Malloc((size_t)padded * 3 * sizeof(uint64_t));
    PyObject **seen_key = PyMem_Calloc((size_t)size, sizeof(PyObject *));
    Py_ssize_t *seen_at = PyMem_Malloc((size_t)size * sizeof(Py_ssize_t));
    if (t == NULL || seen_key == NULL || seen_at == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    for (Py_ssize_t k = 0; k < padded; k++) {
        PyObject *word = k < n_tok ? PyList_GET_ITEM(tokens, k) : empty_str;
        size_t i = (size_t)(((uintptr_t)word >> 4) * 0x9E3779B97F4A7C15ULL) & (size_t)(size - 1);
        while (seen_key[i] != NULL && seen_key[i] != word) {
            i = (i + 1) & (size_t)(size - 1);
        }
        if (seen_key[i] == word) {
            Py_ssize_t at = seen_at[i];
            t[3 * k] = t[3 * at];
            t[3 * k + 1] = t[3 * at + 1];
            t[3 * k + 2] = t[3 * at + 2];
            continue;
        }
        if (load_row(table, word, t + 3 * k) < 0) {
            goto error;
        }
        seen_key[i] = word; /* the list (and empty_str) keeps the object alive during the call */
        seen_at[i] = k;
    }
    Py_ssize_t n = padded - 2; /* shingles */
    uint64_t totals[64] = {0};
    Py_ssize_t k = 0;
    while (k < n) {
        Py_ssize_t end = (n - k > 255) ? k + 255 : n; /* byte lanes cannot overflow */
        uint64_t acc[8] = {0};
        for (; k < end; k++) {
            uint64_t h = t[3 * k] ^ t[3 * (k + 1) + 1] ^ t[3 * (k + 2) + 2];
            for (int j = 0; j < 8; j++) {
                acc[j] += spread[(h >> (8 * j)) & 0xff];
            }
        }
        for (int j = 0; j < 8; j++) {
            for (int i = 0; i < 8; i++) {
                totals[8 * j + i] += (acc[j] >> (8 * i)) & 0xff;
            }
        }
    }
    PyMem_Free(t);
    PyMem_Free(seen_key);
    PyMem_Free(seen_at);
    uint64_t out = 0;
    uint64_t half = (uint64_t)(n / 2);
    for (int b = 0; b < 64; b++) {
        if (totals[b] > half) {
            out |= (uint64_t)1 << b;
        }
    }
    return PyLong_FromUnsignedLongLong(out);
error:
    PyMem_Free(t);
    PyMem_Free(seen_key);
    PyMem_Free(seen_at);
    return NULL;
}

/* ---------------------------------------------------------------- indices */

static PyObject *
indices(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_Check(args[0]) || !PyAnySet_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "indices(tokens: list[str], words: set[str] | frozenset[str])");
        return NULL;
    }
    PyObject *tokens = args[0], *words = args[1];
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(tokens); k++) {
        int found = PySet_Contains(words, PyList_GET_ITEM(tokens, k));
        if (found < 0) {
            Py_DECREF(out);
            return NULL;
        }
        if (found) {
            PyObject *i = PyLong_FromSsize_t(k);
            if (i == NULL || PyList_Append(out, i) < 0) {
                Py_XDECREF(i);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(i);
        }
    }
    return out;
}

/* ---------------------------------------------------------------- cap_runs */

/* entities.CAP_RUN, whose greedy match never needs to backtrack (every part after the first capital can
 * match empty, and an iteration of the run's repeated group succeeds or fails on its first characters):
 *
 *   [UP](?<![\w'’].) REST INITIALS (?:[ ](?:PART[ ])?[UP] REST INITIALS)*
 *   UP = [A-ZÀ-ÖØ-Þ]   REST = [\w\-]*(?:['’](?=\w)[\w\-]*)*   INITIALS = \.?(?:[UP]\.)*
 *
 * \w is re's Unicode word character: str.isalnum() or "_". */

#define RD(i) PyUnicode_READ(kind, data, (i))

static inline int
is_up(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDE);
}

static inline int
is_word(Py_UCS4 c)
{
    if (c < 128) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return Py_UNICODE_ISALNUM(c);
}

static inline int
is_apostrophe(Py_UCS4 c)
{
    return c == '\'' || c == 0x2019;
}

/* the end of REST INITIALS starting at i */
static Py_ssize_t
token_tail(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    while (i < n && (is_word(RD(i)) || RD(i) == '-')) {
        i++;
    }
    while (i + 1 < n && is_apostrophe(RD(i)) && is_word(RD(i + 1))) {
        i++;
        while (i < n && (is_word(RD(i)) || RD(i) == '-')) {
            i++;
        }
    }
    if (i < n && RD(i) == '.') {
        i++;
    }
    while (i + 1 < n && is_up(RD(i)) && RD(i + 1) == '.') {
        i += 2;
    }
    return i;
}

static const char *const name_parts[] = {
    "de", "da", "di", "van", "von", "der", "bin", "al", "el", "la", "le", "du", "del", "dos", "of", "for", NULL,
};

/* the length of the name particle (PART) at i if one is there, followed by a space, else 0 */
static Py_ssize_t
name_part(int kind, const void *data, Py_ssize_t n, Py_ssize_t i)
{
    for (const char *const *part = name_parts; *part != NULL; part++) {
        Py_ssize_t len = (Py_ssize_t)strlen(*part);
        if (i + len >= n || RD(i + len) != ' ') {
            continue;
        }
        Py_ssize_t j = 0;
        while (j < len && RD(i + j) == (Py_UCS4)(unsigned char)(*part)[j]) {
            j++;
        }
        if (j == len) {
            return len;
        }
    }
    return 0;
}

static PyObject *
cap_runs(PyObject *Py_UNUSED(module), PyObject *arg)
{
    int kind;
    const void *data;
    Py_ssize_t n;
    if (unpack(arg, &kind, &data, &n) < 0) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < n) {
        Py_UCS4 c = RD(i);
        if (!is_up(c)) {
            i++;
            continue;
        }
        if (i >= 1 && (is_word(RD(i - 1)) || is_apostrophe(RD(i - 1)))) { /* (?<![\w'’].) */
            i++;
            continue;
        }
        Py_ssize_t start = i;
        Py_ssize_t end = token_tail(kind, data, n, i + 1);
        while (end < n && RD(end) == ' ') {
            Py_ssize_t k = end + 1;
            Py_ssize_t part = k < n ? name_part(kind, data, n, k) : 0;
            if (part && k + part + 1 < n && is_up(RD(k + part + 1))) {
                end = token_tail(kind, data, n, k + part + 2);
            }
            else if (k < n && is_up(RD(k))) {
                end = token_tail(kind, data, n, k + 1);
            }
            else {
                break;
            }
        }
        PyObject *span = Py_BuildValue("(nn)", start, end);
        if (span == NULL || PyList_Append(out, span) < 0) {
            Py_XDECREF(span);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(span);
        i = end;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"cap_runs", cap_runs, METH_O, "cap_runs(s) == [m.span() for m in entities.CAP_RUN.finditer(s)]"},
    {"word_counts", word_counts, METH_O,
     "word_counts(s) == (WORD_RE.findall(s.lower()), their counts in first-seen order)"},
    {"simhash", (PyCFunction)(void (*)(void))simhash, METH_FASTCALL,
     "simhash(tokens, table): the simhash of identity.py_simhash_tokens"},
    {"indices", (PyCFunction)(void (*)(void))indices, METH_FASTCALL,
     "indices(tokens, words) == [i for i, t in enumerate(tokens) if t in words]"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "worker.pipeline.enrich._wordscan",
    "Word-level loops of enrichment (see tokens.py, identity.py and tone.py for the Python reference).",
    -1, methods,
};

PyMODINIT_FUNC
PyInit__wordscan(void)
{
    for (int c = 0; c < 128; c++) {
        word_byte[c] = 0;
    }
    for (int c = 'a'; c <= 'z'; c++) {
        word_byte[c] = (unsigned char)c;
        word_byte[c - 'a' + 'A'] = (unsigned char)c;
    }
    word_byte['\''] = '\'';
    word_byte['-'] = '-';
    for (int v = 0; v < 256; v++) {
        uint64_t lanes = 0;
        for (int i = 0; i < 8; i++) {
            lanes |= (uint64_t)((v >> i) & 1) << (8 * i);
        }
        spread[v] = lanes;
    }
    if (empty_str == NULL) {
        empty_str = PyUnicode_FromStringAndSize("", 0);
        if (empty_str == NULL) {
            return NULL;
        }
    }
    return PyModule_Create(&module_def);
}
