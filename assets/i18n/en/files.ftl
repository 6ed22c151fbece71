# files: en
