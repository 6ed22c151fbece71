# editors: en
