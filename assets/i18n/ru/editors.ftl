# editors: ru
# Редакторы исходных данных (src/app/editors): подписи, подсказки, варианты и единицы.

## Общее

editors-no-name = (без названия)
editors-unit-years = { $n ->
    [one] год
    [few] года
    [many] лет
   *[other] года
}
editors-unit-per-year = { $what } в год
editors-unit-pct-year = % годовых
editors-unit-carried = { $unit }; год без значения берёт последнее предыдущее
editors-unit-rate-real = % в год, реальная (постоянные цены)
editors-unit-rate-nominal = % в год, номинальная (текущие цены)
editors-unit-state-rate-real = % в год, реальная; для затрат бюджета на поддержку
editors-unit-state-rate-nominal = % в год, номинальная; для затрат бюджета на поддержку
editors-to-horizon-end = до конца горизонта расчёта
editors-interest-rate = Процентная ставка
editors-tenor = Срок кредита
editors-grace = Льготный период
editors-grace-unit = { $n ->
    [one] год уплаты только процентов
    [few] года уплаты только процентов
    [many] лет уплаты только процентов
   *[other] года уплаты только процентов
}

## Списки (селектор — существительное списка: facility, product, support)

editors-list-add = { $list ->
    [facility] Добавить объект
    [product] Добавить продукт
   *[support] Добавить инструмент поддержки
}
editors-list-duplicate = { $list ->
    [facility] Копировать объект
    [product] Копировать продукт
   *[support] Копировать инструмент поддержки
}
editors-list-remove = { $list ->
    [facility] Удалить объект
    [product] Удалить продукт
   *[support] Удалить инструмент поддержки
}
editors-list-up = { $list ->
    [facility] Переместить объект выше
    [product] Переместить продукт выше
   *[support] Переместить инструмент поддержки выше
}
editors-list-down = { $list ->
    [facility] Переместить объект ниже
    [product] Переместить продукт ниже
   *[support] Переместить инструмент поддержки ниже
}

## Полоса сценария над редактором

editors-banner-editing = Редактируется сценарий «{ $name }»
editors-banner-general = Название, годы, валюты, норма дисконта государства и момент учёта потоков общие для всех вариантов: изменение здесь меняет базовый вариант. Норма дисконта инвестора становится собственной для сценария, как только вы её измените.
editors-banner-inherited = Этот раздел такой же, как в базовом варианте. При изменении он копируется в «{ $name }»; базовый вариант остаётся прежним.
editors-banner-price-factor = Цены показаны как введены; этот сценарий умножает каждую цену реализации на { $factor }.
editors-banner-overrides = Этот сценарий задаёт свой раздел «{ $part }»: здесь показан он, и изменения касаются только его.
editors-revert-to-base = Вернуть базовый
editors-revert-hover = Отказаться от раздела «{ $part }» этого сценария и снова взять базовый (можно отменить)

## Переопределяемые части сценария

editors-part-price-factor = ценовой коэффициент
editors-part-products = продукты
editors-part-facilities = объекты
editors-part-fiscal = налоговые условия
editors-part-support = инструменты поддержки
editors-part-financing = финансирование
editors-part-discount-rate = норма дисконта

## Общие сведения

editors-general-project = Проект
editors-general-name = Название
editors-general-description = Описание
editors-general-currency = Валюта отчётности
editors-general-money = Цены
editors-money-real = постоянные (в ценах первого года)
editors-money-nominal = текущие (в ценах каждого года)
editors-general-model-years = Годы расчёта
editors-general-first-year = Первый год расчёта (Y0)
editors-general-horizon = Горизонт расчёта
editors-general-years-note = Годы расчёта { $first }–{ $last }; денежный поток года Y относится к t = Y − Y0 (плюс сдвиг выбранного момента учёта).
editors-general-discounting = Дисконтирование
editors-general-investor-rate = Норма дисконта инвестора
editors-general-state-rate = Норма дисконта государства
editors-general-convention = Момент учёта потоков
editors-convention-start = начало года: t = Y − Y0
editors-convention-mid = середина года: t = Y − Y0 + 0,5
editors-convention-end = конец года: t = Y − Y0 + 1
editors-general-second-currency = Вторая валюта
editors-general-second-currency-check = часть затрат задана во второй валюте
editors-general-currency-code = Код валюты
editors-general-exchange-rate = Валютный курс
editors-general-exchange-unit = { $second } за 1 { $reporting }; год без значения берёт последний предыдущий курс

## Объекты

editors-second-currency-unset = вторая валюта (не задана)
editors-second-currency-none = вторая валюта
editors-currency-reporting = { $code } (валюта отчётности)
editors-currency-second = { $code } (вторая; пересчёт по курсу года)
editors-facility-name = Название объекта
editors-facility-costs-in = Валюта затрат
editors-facility-capex = Начальные капвложения
editors-facility-operation = Эксплуатация
editors-facility-first-year = Первый год работы
editors-facility-last-year = Последний год работы
editors-facility-fixed-opex = Постоянные операционные затраты
editors-facility-sustaining-capex = Поддерживающие капвложения
editors-facility-tax-life = Срок налоговой амортизации
editors-facility-tax-life-unit = { $n ->
    [one] год, линейно с первого года работы
    [few] года, линейно с первого года работы
    [many] лет, линейно с первого года работы
   *[other] года, линейно с первого года работы
}
editors-facility-closure = Ликвидация
editors-facility-closure-cost = Затраты на ликвидацию
editors-facility-closure-year = Год ликвидации
editors-facility-closure-year-none = последний год работы
editors-facility-salvage = Ликвидационная стоимость
editors-facility-salvage-unit = { $cur }, поступает в год ликвидации
editors-facility-book-life-on = Срок полезного использования для налога на имущество
editors-facility-book-life-check = отличается от срока налоговой амортизации
editors-facility-book-life = Срок полезного использования
editors-facility-book-life-unit = { $n ->
    [one] год, линейно, для базы налога на имущество
    [few] года, линейно, для базы налога на имущество
    [many] лет, линейно, для базы налога на имущество
   *[other] года, линейно, для базы налога на имущество
}
editors-payroll = Фонд оплаты труда
editors-payroll-check = расходы на персонал отдельной строкой, со страховыми взносами
editors-payroll-currency = Валюта ФОТ
editors-payroll-sized-as = ФОТ задан как
editors-payroll-by-headcount = численность × зарплата
editors-payroll-by-amount = сумма в год
editors-payroll-headcount = Численность
editors-payroll-people = чел.
editors-payroll-wage = Зарплата на одного работника
editors-payroll-wage-unit = { $cur } в год, начисленная, без страховых взносов
editors-spread-on = Ликвидация в течение нескольких лет
editors-spread-check = сумма в год начиная с заданного года (хранение тория)
editors-spread-amount = Ликвидация в год
editors-spread-amount-unit = { $cur } в год, вычитается при оплате
editors-spread-from = Ликвидация оплачивается с
editors-spread-years = Годы ликвидации

## Продукты и цены

editors-product-name = Название продукта
editors-product-unit = Единица продукции
editors-product-main = Основной продукт
editors-product-main-check = цена безубыточности и себестоимость считаются по этому продукту
editors-product-variable-cost = Переменные затраты
editors-product-variable-cost-in = Валюта переменных затрат
editors-product-output = Выпуск
editors-product-selling-price = Цена реализации
editors-product-benchmark = Цена импорта (ориентир)
editors-product-import-price = Цена импорта
editors-output-entered-as = Выпуск задан как
editors-output-ramp = проектная мощность с освоением
editors-output-table = объём по годам
editors-output-nameplate = Проектная мощность
editors-output-first-year = Первый год выпуска
editors-output-last-year = Последний год выпуска
editors-ramp-label = Освоение мощности, доля проектной мощности по годам работы
editors-ramp-unit = %; после последнего значения — 100 %
editors-ramp-add = Добавить год освоения
editors-ramp-add-undo = добавление года освоения
editors-ramp-remove = Удалить последний год освоения
editors-ramp-remove-undo = удаление года освоения
editors-price-entered-as = { $label }: способ задания
editors-price-table = цена на выбранные годы (далее без изменения)
editors-price-escalating = базовая цена с ежегодной индексацией
editors-price-base = { $label }, базовая
editors-price-base-year = { $label }, базовый год
editors-price-escalation = { $label }, индексация
editors-price-escalation-unit = % в год (0 — неизменные реальные цены)
editors-price-summary = { $label } в { $first } г.: { $first_price } { $unit }; в { $last } г.: { $last_price } { $unit }

## Налоговые условия

editors-royalties = Роялти / НДПИ
editors-royalty-name = Роялти { $n }: название
editors-royalty-every-product = все продукты
editors-royalty-product = Роялти { $n }: с какого продукта
editors-royalty-kind = Роялти { $n }: способ начисления
editors-royalty-share = доля выручки
editors-royalty-per-unit-kind = сумма на единицу продукции
editors-royalty-rate = Роялти { $n }: ставка
editors-royalty-rate-unit = % выручки
editors-royalty-per-unit = Роялти { $n }: на единицу
editors-royalty-per-unit-unit = { $cur } на единицу продукции
editors-royalty-from = Роялти { $n }: с года
editors-royalty-from-none = первый год расчёта
editors-royalty-to = Роялти { $n }: по год
editors-royalty-to-none = последний год расчёта
editors-royalty-remove = Удалить роялти { $n }
editors-royalty-add = Добавить строку роялти
editors-royalty-default-name = Роялти { $n }
editors-contributions = Страховые взносы
editors-contribution-rate = Тариф страховых взносов
editors-contribution-rate-unit = % ФОТ каждого объекта (в России около 30 %)
editors-property-tax = Налог на имущество
editors-property-tax-check = ставка × среднегодовая остаточная стоимость каждого объекта
editors-property-tax-rate = Ставка налога на имущество
editors-property-tax-rate-unit = % среднегодовой остаточной стоимости (не более 2,2 %)
editors-relief-from = Региональная льгота с
editors-relief-none = без региональной льготы
editors-relief-to = Региональная льгота по
editors-vat = НДС на капвложения
editors-vat-check = уплачивается с начальных и поддерживающих капвложений, возмещается позже
editors-vat-rate = Ставка НДС
editors-vat-rate-unit = % капвложений
editors-vat-lag = Задержка возмещения НДС
editors-vat-lag-unit = { $n ->
    [one] год от уплаты до возмещения (0 — в том же году)
    [few] года от уплаты до возмещения (0 — в том же году)
    [many] лет от уплаты до возмещения (0 — в том же году)
   *[other] года от уплаты до возмещения (0 — в том же году)
}
editors-profit-tax = Налог на прибыль
editors-profit-tax-rate = Ставка налога на прибыль
editors-profit-tax-rate-unit = % прибыли
editors-tax-losses = Налоговые убытки
editors-tax-losses-check = переносить на будущее
editors-loss-cap-on = Ограничение зачёта убытков
editors-loss-cap-check = перенесённые убытки уменьшают лишь часть базы года
editors-loss-cap = Предел
editors-loss-cap-unit = % базы года (РФ: 50 %)
editors-working-capital = Оборотный капитал
editors-working-capital-unit = % выручки года, отвлекается в оборот

## Инструменты поддержки

editors-support-none = Инструментов поддержки нет: в базовом варианте нет господдержки. Добавьте инструмент, чтобы увидеть, как он меняет { term-npv }, { term-irr } и разрыв с ценой импорта.
editors-support-name = Название инструмента
editors-support-kind = Вид
editors-support-kind-operating = операционная субсидия (сумма в год)
editors-support-kind-production = субсидия на единицу продукции
editors-support-kind-offtake = гарантированная цена закупки (нижняя граница)
editors-support-kind-grant = капитальный грант
editors-support-kind-loan = льготный заём
editors-support-kind-interest = субсидирование процентной ставки
editors-support-kind-tax = льгота по налогу на прибыль
editors-support-kind-property = льгота по налогу на имущество
editors-support-kind-contribution = льгота по страховым взносам
editors-support-kind-arctic = резидент Арктической зоны (пакет льгот)
editors-support-title-operating = операционная субсидия
editors-support-title-production = субсидия на единицу продукции
editors-support-title-offtake = гарантированная цена закупки
editors-support-title-grant = капитальный грант
editors-support-title-loan = льготный заём
editors-support-title-interest = субсидирование процентной ставки
editors-support-title-tax = льгота по налогу на прибыль
editors-support-title-property = льгота по налогу на имущество
editors-support-title-contribution = льгота по страховым взносам
editors-support-title-arctic = резидент Арктической зоны
editors-support-first-year = Первый год
editors-support-last-year = Последний год
editors-support-taxable = Облагается налогом
editors-support-taxable-check = выплаты проекту — налогооблагаемый доход
editors-support-amount = Сумма
editors-support-unit = ед.
editors-support-product = Продукт
editors-support-floor = Минимальная цена
editors-support-floor-unit = { $unit }; разницу до неё доплачивает государство
editors-support-financing-note = Инструмент финансирования: денежный поток проекта не меняется, меняется поток собственного капитала.
editors-grant-sized-as = Размер гранта задан как
editors-grant-by-share = доля начальных капвложений
editors-grant-by-amount = общая сумма
editors-grant-share = Доля
editors-grant-share-unit = % начальных капвложений каждого года действия инструмента
editors-grant-amount-unit = { $cur } всего, пропорционально капвложениям
editors-grant-depreciation = Амортизация
editors-grant-depreciation-check = грант уменьшает амортизируемую базу
editors-loan-amount-unit = { $cur }, выдаётся в первый год
editors-loan-tenor-unit = { $n ->
    [one] год от выдачи до последнего погашения
    [few] года от выдачи до последнего погашения
    [many] лет от выдачи до последнего погашения
   *[other] года от выдачи до последнего погашения
}
editors-interest-points = Компенсируемые пункты ставки
editors-interest-points-unit = процентных пунктов ставки коммерческого долга
editors-relief-profit-rate = Пониженная ставка налога на прибыль
editors-relief-profit-rate-unit = % (0 — налоговые каникулы)
editors-relief-property-rate = Пониженная ставка налога на имущество
editors-relief-property-rate-unit = % среднегодовой стоимости (0 — освобождение)
editors-relief-contribution-rate = Пониженный тариф взносов
editors-relief-contribution-rate-unit = % ФОТ; выпадающие доходы несут социальные фонды
editors-arctic-step-rate = Налог на прибыль, этап { $n }
editors-arctic-step-rate-unit = % (федеральная и региональная части вместе)
editors-arctic-step-years = Этап { $n }, лет
editors-arctic-property-rate = Ставка налога на имущество (Арктика)
editors-arctic-property-rate-unit = % среднегодовой стоимости
editors-arctic-property-years = Годы льготы по налогу на имущество
editors-arctic-years-unit = { $n ->
    [one] год с первого года
    [few] года с первого года
    [many] лет с первого года
   *[other] года с первого года
}
editors-arctic-contribution-rate = Тариф взносов (Арктика)
editors-arctic-contribution-years = Годы льготы по взносам

## Финансирование

editors-financing-debt = Коммерческий долг
editors-financing-share = Доля долга
editors-financing-share-unit = % начальных капвложений каждого года (0 — только собственные средства)
editors-financing-rate-unit = % годовых; с ней же сравнивается ставка льготного займа
editors-financing-tenor-unit = { $n ->
    [one] год от окончания выборки до последнего погашения
    [few] года от окончания выборки до последнего погашения
    [many] лет от окончания выборки до последнего погашения
   *[other] года от окончания выборки до последнего погашения
}
editors-financing-repayment = Погашение
editors-repayment-annuity = аннуитетное (равные платежи)
editors-repayment-equal = равными долями основного долга
editors-financing-note = Долг не меняет денежный поток проекта ({ term-npv }, { term-irr }); он меняет поток собственного капитала, { term-npv } и { term-irr } собственного капитала и DSCR.

## Сценарии

editors-scenarios-intro = Сценарий — набор изменений базового варианта: целые разделы (объекты, продукты, налоговые условия, инструменты поддержки, финансирование, норма дисконта инвестора) и ценовой коэффициент. Выберите вариант здесь или в структуре слева: редакторы и результаты покажут его. Пока выбран сценарий, изменение раздела копирует этот раздел в сценарий и меняет копию; базовый вариант остаётся прежним.
editors-scenarios-base = Базовый вариант
editors-scenarios-new = Новый сценарий
editors-scenarios-new-hover = Сценарий без изменений: текущие данные базового варианта
editors-scenarios-duplicate = Копировать сценарий
editors-scenarios-duplicate-hover = Копия выбранного сценария со всеми его изменениями
editors-scenarios-delete = Удалить сценарий
editors-scenarios-delete-hover = Удалить выбранный сценарий (Отменить вернёт его)
editors-scenarios-base-selected = Выбран базовый вариант: изменения меняют его и каждый сценарий, который не задаёт свой вариант изменяемого раздела. { $n ->
    [one] { $shown } сценарий.
    [few] { $shown } сценария.
    [many] { $shown } сценариев.
   *[other] { $shown } сценария.
}
editors-scenarios-scenario = Сценарий
editors-scenarios-name = Название сценария
editors-scenarios-description = Описание сценария
editors-scenarios-price-factor = Ценовой коэффициент
editors-scenarios-price-factor-unit = × каждая цена реализации (1 — как введено; 0,8 — низкие цены)
editors-scenarios-changes = Отличия от базового варианта
editors-scenarios-no-changes = Пока нет: в сценарии данные базового варианта. Откройте раздел в структуре слева и измените его, пока выбран этот сценарий.
editors-scenarios-open = Открыть «{ $section }»
editors-scenarios-revert = Вернуть базовый раздел «{ $part }»
editors-scenarios-revert-hover = Отказаться от этого изменения и снова взять данные базового варианта (можно отменить)
editors-change-price-factor = ценовой коэффициент: каждая цена реализации × { $factor }
editors-change-discount-rate = норма дисконта: { $rate }
editors-change-support-none = инструменты поддержки: нет
editors-change-support = инструменты поддержки: { $names }
editors-change-products = продукты: { $n }
editors-change-facilities = объекты: { $n }
