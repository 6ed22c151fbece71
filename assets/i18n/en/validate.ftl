# validate: en
