"""The form the bureau sends out: an Excel template per county for one period, and how a
filled one is read back exactly.

:mod:`~gl_plan.forms.layout` says what the form asks (pure: the plan in, rows out);
:mod:`~gl_plan.forms.write` draws it with openpyxl (imported by nothing else, so ``check``
never loads openpyxl); :mod:`~gl_plan.forms.read` turns a filled template's sheets into
observations, by the keys the template carries in its hidden sheet, not by its words.
"""
