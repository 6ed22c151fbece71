# risk: ru
