# validate: ru
