# export: ru
