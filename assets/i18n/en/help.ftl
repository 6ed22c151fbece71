# help: en
