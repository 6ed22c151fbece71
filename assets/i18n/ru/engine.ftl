# engine: ru
