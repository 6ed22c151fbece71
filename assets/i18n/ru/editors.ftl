# editors: ru
