# help: ru
