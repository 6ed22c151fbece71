# compare: en
