#!/usr/bin/env python3
"""Writes model.score: the sum of issue 9, company_size plus 30,999 ones (31,000 terms), 100 terms
a line (a sum continues over line breaks). Run: python3 gen_model.py > model.score"""
TERMS = 31000
PER_LINE = 100
print('# The sum of issue 9: company_size + 1 + 1 + ..., 31,000 terms (made by gen_model.py).')
print('schema "lead.schema"')
print('qualify at 1')
terms = ['company_size'] + ['1'] * (TERMS - 1)
lines = [' + '.join(terms[i:i + PER_LINE]) for i in range(0, TERMS, PER_LINE)]
print('when ' + '\n  + '.join(lines) + ' > 0 add 5')
