/* Shared by the hand-written C extensions (parse/_textscan.c, enrich/_wordscan.c): the code units of
 * a str argument.  worker/native.py builds them with this directory on the include path and watches
 * this file in their manifests. */
#ifndef NEWS_INGEST_NATIVE_STR_H
#define NEWS_INGEST_NATIVE_STR_H

#include <Python.h>

/* kind, data and length of ``arg``; -1 with TypeError if it is not a str */
static inline int
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

#endif
