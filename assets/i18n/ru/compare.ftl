# compare: ru
