# files: ru
# Почему файл проекта не удалось прочитать или записать (src/io;
# формулирует src/report/problems.rs).

files-io = { $path }: { $message }
files-too-large = размер файла { $bytes } байт; файл проекта может быть не больше { $max } байт
files-parse = строка { $line }, столбец { $column }: { $message }
files-too-many-scenarios = в файле { $count ->
    [one] { $shown } сценарий
    [few] { $shown } сценария
    [many] { $shown } сценариев
   *[other] { $shown } сценария
}; в проекте их может быть не больше { $max }
files-too-many-facilities = в файле { $count ->
    [one] { $shown } объект
    [few] { $shown } объекта
    [many] { $shown } объектов
   *[other] { $shown } объекта
}; в проекте их может быть не больше { $max }
files-too-many-products = в файле { $count ->
    [one] { $shown } продукт
    [few] { $shown } продукта
    [many] { $shown } продуктов
   *[other] { $shown } продукта
}; в проекте их может быть не больше { $max }
files-too-many-support = в файле { $count ->
    [one] { $shown } мера поддержки
    [few] { $shown } меры поддержки
    [many] { $shown } мер поддержки
   *[other] { $shown } меры поддержки
}; в проекте их может быть не больше { $max }
files-too-new = файл записан в формате версии { $found } более новой версией Assay; эта сборка читает версии до { $supported }. Обновите Assay, чтобы открыть его.
files-bad-version = формата версии { $version } не существует (версии начинаются с 1)
files-invalid = { $count ->
    [one] { $shown } ошибка:
    [few] { $shown } ошибки:
    [many] { $shown } ошибок:
   *[other] { $shown } ошибки:
}
files-serialize = не удалось записать проект: { $message }

## Что не так в тексте

files-nesting = слишком глубокая вложенность скобок (больше { $max } уровней); проекту нужно всего несколько
files-not-utf8 = это не текст в кодировке UTF-8; сохраните файл в UTF-8
files-decimal-comma = десятичная запятая в числе: в файле пишите { $before }.{ $after }, а не { $before },{ $after }
files-nan = NaN — не число; напишите число, например 12.5
files-number-too-large = слишком большое число: суммы не больше 10^15 и не длиннее 28 цифр
files-number-out-of-range = { $value } слишком велико или слишком мало для десятичного числа (не больше 28 цифр)
files-integer-too-large = { $value } слишком велико
files-not-decimal = «{ $text }» — не десятичное число
files-not-a-number = ожидалось число (например, 12.5) или десятичное число в кавычках (например, "12.5"), а найдено: { $found }
files-in-struct = {" "}в `{ $outer }`
files-expected-none = здесь их нет
files-unknown-field = неизвестное поле `{ $field }`{ $within }; допустимые поля: { $expected }
files-missing-field = не хватает поля `{ $field }`{ $within }
files-duplicate-field = поле `{ $field }` задано дважды{ $within }
files-unknown-variant = неизвестный вариант `{ $variant }`{ $within }; допустимые варианты: { $expected }
files-eof = файл обрывается: не хватает закрывающей скобки или значения
files-expected-comma = ожидалась запятая
files-unexpected-char = неожиданный символ { $char }
files-trailing = после конца проекта есть лишний текст
files-syntax = ошибка синтаксиса RON: { $message }
