# files: ru
