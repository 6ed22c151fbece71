# validate: ru
# Ошибки в данных проекта и места, где они найдены (src/model/validate.rs,
# src/model/place.rs; формулирует src/report/problems.rs), а также названия
# самой модели: виды поддержки, правила дисконтирования, разделы сценария,
# виды примечаний.

## Ошибка и её место

validate-at = { $place }: { $message }

## Что не так

validate-negative = не может быть отрицательным
validate-at-most = не может превышать { $max }
validate-between = должно быть от { $low } до { $high }
validate-above-zero-at-most = должно быть больше 0 и не больше { $max }
validate-above-zero-at-most-years = должно быть больше 0 и не больше { $years }
validate-above-zero = должно быть больше 0
validate-at-most-years = не больше { $years }
validate-share = должно быть от 0 до 1 (0,25 означает 25 %)
validate-rate = должно быть больше -0,5 и не больше 1 (0,10 означает 10 %)
validate-escalation-rate = должно быть больше -1 и не больше 1 (0,02 означает 2 % в год)
validate-volatility = должно быть от 0 до 2 (0,25 означает 25 % в год)
validate-year-outside = { $year } год вне расчётного периода { $first }–{ $last }
validate-years-outside = { $count ->
    [one] { $shown } год (первый — { $year }) вне расчётного периода { $first }–{ $last }
    [few] { $shown } года (первый — { $year }) вне расчётного периода { $first }–{ $last }
    [many] { $shown } лет (первый — { $year }) вне расчётного периода { $first }–{ $last }
   *[other] { $shown } года (первый — { $year }) вне расчётного периода { $first }–{ $last }
}
validate-calendar-year = должен быть календарным годом от 1000 до 9000
validate-no-price = нужна цена хотя бы на один год
validate-no-exchange-rate = нужен курс хотя бы на один год
validate-escalates-past = к { $year } году цена превышает { $max }; уменьшите темп роста или базовую цену
validate-empty = не может быть пустым
validate-exchange-rate = должен быть от { $low } до { $high } { $second } за 1 { $reporting }
validate-second-currency-unset = статья затрат указана во второй валюте, но вторая валюта не задана
validate-used-twice = «{ $name }» встречается дважды
validate-end-before-start = не может быть раньше года начала
validate-last-before-first = не может быть раньше первого года
validate-range-reversed = последний год не может быть раньше первого
validate-no-products = нужен хотя бы один продукт
validate-main-products = основным должен быть ровно один продукт (отмечено: { $count ->
   *[other] { $shown }
})
validate-unknown-product = нет продукта с названием «{ $name }»
validate-unknown-facility = нет объекта с названием «{ $name }»
validate-unknown-driver = нет фактора риска с названием «{ $name }»
validate-grace-not-below-tenor = должен быть меньше срока кредита
validate-path-not-price = траекторию может иметь только цена реализации
validate-self-correlation = фактор риска не может коррелировать сам с собой
validate-correlation-range = коэффициент корреляции должен быть от -1 до 1
validate-pair-twice = эта пара задана дважды
validate-no-second-currency = в проекте нет второй валюты
validate-delay-whole-years = задержка начала — целое число лет, от 0 до { $max }
validate-delay-distribution = для задержки начала подходят только распределения Fixed и Discrete (целые годы)
validate-low-mode-high = нужно: минимум ≤ наиболее вероятное ≤ максимум и минимум < максимума
validate-low-below-high = нужно: минимум < максимума
validate-no-points = нужна хотя бы одна пара (значение, вероятность)
validate-probability = вероятность должна быть от 0 до 1
validate-probabilities-sum = сумма вероятностей должна быть равна 1 (сейчас { $sum })
validate-headcount-times-wage = численность × зарплата не может превышать { $max }
validate-source-without-key = у источника должен быть ключ, чтобы на него можно было сослаться
validate-source-key-twice = этот ключ уже есть у другого источника
validate-note-on-nothing = такого поля в проекте нет: удалите примечание или исправьте путь
validate-unknown-source = ссылается на [{ $key }], которого нет в списке источников
validate-scenarios-need-version = сценарии требуют формата версии { $version }; укажите version: { $version }
validate-risk-needs-version = раздел рисков требует формата версии { $version }; укажите version: { $version }
validate-notes-need-version = примечания и источники требуют формата версии { $version }; укажите version: { $version }
validate-field-needs-version = это поле требует формата версии { $version }; укажите version: { $version }
validate-royalties-are-lines = с версии 4 роялти задаются строками: royalties: [RoyaltyLine(name: "НДПИ", rate: ShareOfRevenue(0.08))]
validate-more = { $count ->
    [one] и ещё { $shown } ошибка
    [few] и ещё { $shown } ошибки
    [many] и ещё { $shown } ошибок
   *[other] и ещё { $shown } ошибки
}
validate-more-with-notes = { $count ->
    [one] и ещё { $shown } ошибка в примечаниях
    [few] и ещё { $shown } ошибки в примечаниях
    [many] и ещё { $shown } ошибок в примечаниях
   *[other] и ещё { $shown } ошибки в примечаниях
}

## Места

validate-item-named = { $item } «{ $name }»
validate-item-facility = Объект { $n }
validate-item-product = Продукт { $n }
validate-item-support = Мера поддержки { $n }
validate-item-scenario = Сценарий { $n }
validate-item-ramp-up-year = Год освоения { $n }
validate-item-driver = Фактор риска { $n }
validate-item-correlation = Корреляция { $n }
validate-item-royalty = Роялти { $n }
validate-place-note = Примечание к полю { $place }
validate-place-source = Источник { $n }
validate-place-source-key = Источник { $n } [{ $key }]
validate-place-base-case = Базовый вариант
validate-place-file-at = строка { $line }, столбец { $column }

## Названия полей, как их показывает окно (по имени поля в файле)

validate-field-exchange-rate = Курс
validate-field-currency-code = Код валюты
validate-field-first-operating-year = Первый год работы
validate-field-last-operating-year = Последний год работы
validate-field-interest-rate = Процентная ставка
validate-field-name = Название
validate-field-currency = Валюта расчётов
validate-field-horizon-years = Горизонт расчёта
validate-field-first-year = Первый год
validate-field-last-year = Последний год
validate-field-discount-rate = Норма дисконта
validate-field-state-discount-rate = Норма дисконта государства
validate-field-second-currency = Вторая валюта
validate-field-capex = Капитальные вложения
validate-field-sustaining-capex-per-year = Поддерживающие капвложения
validate-field-fixed-opex-per-year = Постоянные операционные затраты
validate-field-tax-life-years = Срок налоговой амортизации
validate-field-closure-cost = Затраты на ликвидацию
validate-field-closure-year = Год ликвидации
validate-field-salvage-value = Ликвидационная стоимость
validate-field-products = Продукты
validate-field-facilities = Объекты
validate-field-support = Меры поддержки
validate-field-scenarios = Сценарии
validate-field-output = Выпуск
validate-field-nameplate-per-year = Проектная мощность
validate-field-start-year = Год начала
validate-field-end-year = Год окончания
validate-field-ramp-up = Освоение мощности
validate-field-variable-cost-per-unit = Переменные затраты
validate-field-price = Цена
validate-field-benchmark-price = Цена импорта (ориентир)
validate-field-base-price = Базовая цена
validate-field-escalation-rate = Темп роста цены
validate-field-fiscal = Налоги и платежи
validate-field-royalty = Роялти
validate-field-profit-tax-rate = Ставка налога на прибыль
validate-field-loss-offset-cap = Предел переноса убытков
validate-field-working-capital-share = Оборотный капитал
validate-field-amount-per-year = Сумма в год
validate-field-product = Продукт
validate-field-amount-per-unit = Сумма на единицу
validate-field-floor-price = Гарантированная цена
validate-field-size = Размер
validate-field-amount = Сумма
validate-field-tenor-years = Срок
validate-field-grace-years = Льготный период
validate-field-rate-points = Снижение ставки
validate-field-reduced-rate = Пониженная ставка налога
validate-field-financing = Финансирование
validate-field-debt-share-of-capex = Доля заёмных средств в капвложениях
validate-field-price-factor = Коэффициент цены
validate-field-risk = Риски
validate-field-trials = Число испытаний
validate-field-seed = Начальное число
validate-field-target = На что влияет
validate-field-distribution = Распределение
validate-field-low = Минимум
validate-field-mode = Наиболее вероятное
validate-field-high = Максимум
validate-field-mean = Среднее
validate-field-sd = Стандартное отклонение
validate-field-median = Медиана
validate-field-sigma = Сигма
validate-field-path = Траектория цены
validate-field-half-life-years = Период полувозврата
validate-field-volatility = Волатильность
validate-field-royalties = Роялти и НДПИ
validate-field-contribution-rate = Ставка страховых взносов
validate-field-property-tax = Налог на имущество
validate-field-relief-years = Годы региональной льготы
validate-field-vat = НДС на капвложения
validate-field-refund-lag-years = Задержка возмещения НДС
validate-field-payroll = Фонд оплаты труда
validate-field-headcount = Численность
validate-field-wage-per-year = Зарплата на человека
validate-field-property-life-years = Срок полезного использования для налога на имущество
validate-field-closure-spread = Ликвидация в течение нескольких лет
validate-field-profit-tax-steps = Ступени налога на прибыль
validate-field-contributions = Страховые взносы
validate-field-rate = Ставка
validate-field-code = Код
validate-field-drivers = Факторы риска
validate-field-correlations = Корреляции
validate-field-notes = Примечания и источники
validate-field-sources = Источники

## Названия самой модели

validate-support-operating-subsidy = операционная субсидия
validate-support-production-subsidy = субсидия на единицу продукции
validate-support-offtake-floor = гарантированная цена закупки
validate-support-capital-grant = капитальный грант
validate-support-concessional-loan = льготный заём
validate-support-interest-subsidy = субсидирование процентной ставки
validate-support-tax-relief = льгота по налогу на прибыль
validate-support-property-tax-relief = льгота по налогу на имущество
validate-support-contribution-relief = льгота по страховым взносам
validate-support-arctic-zone = резидент Арктической зоны
validate-convention-start = на начало года: год Y дисконтируется за (Y - Y0) лет, первый год не дисконтируется
validate-convention-mid = на середину года: год Y дисконтируется за (Y - Y0 + 0,5) года
validate-convention-end = на конец года: год Y дисконтируется за (Y - Y0 + 1) лет
validate-section-price-factor = ценовой коэффициент
validate-section-products = продукция
validate-section-facilities = объекты
validate-section-fiscal = налоги и платежи
validate-section-support = меры поддержки
validate-section-financing = финансирование
validate-section-discount-rate = норма дисконта
validate-note-kind-reported = опубликованные данные
validate-note-kind-derived = расчётная величина
validate-note-kind-assumption = допущение
