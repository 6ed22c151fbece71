# risk: en
