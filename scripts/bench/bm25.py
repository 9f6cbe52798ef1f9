"""Okapi BM25 exactly as `rank_bm25.BM25Okapi` scores (k1 1.5, b 0.75, its IDF floor of 0.25 × the mean IDF for
terms in more than half the documents), as one sparse matrix product so that thousands of queries take seconds.

    ranking = OkapiBM25(documents, tokens=str.split).top(queries, 10)   # lists of document positions

`tokens` turns a text into its terms; the default is rank_bm25's usual lower-cased whitespace split.
"""
import math
from collections import Counter

import numpy
from scipy import sparse


def whitespace(text):
    return text.lower().split()


class OkapiBM25:
    def __init__(self, documents, tokens=whitespace, k1=1.5, b=0.75, epsilon=0.25):
        self.tokens = tokens
        counts = [Counter(tokens(document)) for document in documents]
        self.vocabulary = {}
        for count in counts:
            for term in count:
                self.vocabulary.setdefault(term, len(self.vocabulary))
        lengths = numpy.array([sum(count.values()) for count in counts], dtype=numpy.float64)
        frequency = numpy.zeros(len(self.vocabulary))
        rows, columns, values = [], [], []
        for row, count in enumerate(counts):
            for term, times in count.items():
                column = self.vocabulary[term]
                frequency[column] += 1
                rows.append(row)
                columns.append(column)
                values.append(times)
        idf = numpy.log(len(documents) - frequency + 0.5) - numpy.log(frequency + 0.5)
        floor = epsilon * idf.sum() / len(idf)
        idf[idf < 0] = floor
        tf = numpy.array(values, dtype=numpy.float64)
        norm = k1 * (1 - b + b * lengths[rows] / lengths.mean())
        weights = idf[columns] * tf * (k1 + 1) / (tf + norm)
        self.weights = sparse.csr_matrix((weights, (rows, columns)), shape=(len(documents), len(self.vocabulary))).T.tocsr()

    def scores(self, queries):
        rows, columns, values = [], [], []
        for row, query in enumerate(queries):
            for term, times in Counter(self.tokens(query)).items():
                if term in self.vocabulary:
                    rows.append(row)
                    columns.append(self.vocabulary[term])
                    values.append(times)
        matrix = sparse.csr_matrix((values, (rows, columns)), shape=(len(queries), len(self.vocabulary)), dtype=numpy.float64)
        return (matrix @ self.weights).toarray()

    def top(self, queries, count, chunk=256):
        ranked = []
        for start in range(0, len(queries), chunk):
            for row in self.scores(queries[start:start + chunk]):
                ranked.append(numpy.argsort(-row, kind="stable")[:count].tolist())
        return ranked
