# report: en
