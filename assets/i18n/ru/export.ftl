# export: книга Excel и отчёт PDF (src/export).

## Ошибки

export-error-unknown-case = нет варианта с названием «{ $name }» (базовый вариант — «base»; { $n ->
    [0] в проекте нет сценариев
   *[other] сценарии: { $scenarios }
})
export-error-xlsx = запись книги Excel: { $detail }
export-error-pdf = запись PDF: { $detail }
export-error-pdf-no-case = нет варианта для отчёта
export-error-pdf-font = не удалось прочитать встроенный шрифт { $detail }
export-error-pdf-page-size = программа записи PDF не приняла размер страницы

## Общие слова

export-base-case = Базовый вариант
export-none = нет
export-yes = да
export-no = нет
export-no-root = корня нет
export-not-appraised = не рассчитан: { $reason }
export-main-product = основной продукт
export-by-product = попутный продукт
export-product = Продукт: { $name }
export-facility = Объект: { $name }
export-output = Выпуск: { $name }
export-price = Цена: { $name }
export-profit-tax-rate = Ставка налога на прибыль
export-commercial-debt = Коммерческий кредит
export-funding = Варианты поддержки
export-exchange-rate = Курс ({ $second } за { $reporting })

## Названия листов (не длиннее 31 знака, без [ ] : * ? / \)

export-sheet-inputs = Исходные данные
export-sheet-ledger = Денежные потоки
export-sheet-metrics = Показатели
export-sheet-funding = Варианты поддержки
export-sheet-risk = Риски

## Шапка каждого листа

export-title-sheet = { $project }: { $sheet }
export-title-case = Вариант: { $case }
export-title-convention = Дисконтирование { $convention }
export-title-exported = Выгружено из Assay { $version } { $date }
export-title-every-case = базовый вариант и все сценарии

## Заголовки столбцов

export-col-input = Параметр
export-col-unit = Ед. изм.
export-col-note = Примечание
export-col-sources = Источники
export-col-source-key = Ключ
export-col-source-title = Название
export-col-source-publisher = Издатель и дата
export-col-source-address = Адрес
export-col-line = Строка
export-col-key = Ключ
export-col-metric = Показатель
export-col-spreadsheet = Электронная таблица
export-col-assay = Assay
export-col-case = Вариант
export-col-project-npv = { term-npv } проекта
export-col-project-irr = { term-irr } проекта
export-col-investor-npv = { term-investor-npv }
export-col-investor-irr = { term-irr } инвестора
export-col-pv-taxes = Приведённые налоги
export-col-pv-taxes-royalties = Приведённые налоги и роялти
export-col-net-fiscal = Чистый бюджетный эффект (приведённый)
export-col-efficiency = Эффективность
export-col-instrument = Инструмент
export-col-level = Уровень
export-col-level-words = Уровень словами
export-col-how-solved = Как Assay его нашёл
export-col-driver = Фактор
export-col-low = Низкий
export-col-high = Высокий
export-col-npv-low = { term-npv } (низкий)
export-col-npv-high = { term-npv } (высокий)
export-col-switching = Критическое значение
export-col-switching-npv = Критическое значение ({ term-npv } = 0)
export-col-figure = Показатель
export-col-mean = Среднее
export-col-sd = СКО
export-col-rank-correlation = Ранговая корреляция с { term-npv }
export-col-variance-share = Доля дисперсии

## Единицы измерения на листе исходных данных

export-unit-year = год
export-unit-per-year = в год
export-unit-years = лет
export-unit-flag = признак
export-unit-people = чел.
export-unit-formula = формула

## Лист исходных данных

export-in-general = Общие
# Примечание в столбце «Примечание»: вид (опубликованные данные, расчётная
# величина, допущение) и текст автора.
export-in-note = { $kind }: { $text }
# Примечание к части параметра (к графику освоения в строке объёма выпуска).
export-in-note-on = { $part }: { $note }
export-in-other-notes = Примечания к другим полям
export-in-sources-heading = Источники ({ $count }); примечания ссылаются на них по ключу
export-in-currency = Валюта отчётности
export-in-money = Цены
export-in-first-year = Первый год модели
export-in-discount-rate = Норма дисконта инвестора
export-in-state-rate = Норма дисконта государства
export-in-offset = Сдвиг момента дисконтирования (0 — начало, 0,5 — середина, 1 — конец года)
export-in-second-currency = Вторая валюта
export-in-fiscal = Налоговые условия
export-in-loss-cf = Перенос убытков (1 — да, 0 — нет)
export-in-loss-cap = Доля налоговой базы года, которую могут погасить убытки (100 % — без ограничения)
export-in-wc-share = Оборотный капитал, доля выручки
export-in-contribution-rate = Страховые взносы, доля фонда оплаты труда
export-in-property-rate = Ставка налога на имущество (от среднегодовой остаточной стоимости)
export-in-property-relief-from = Налог на имущество 0 по региональному закону с года
export-in-property-relief-to = Налог на имущество 0 по региональному закону по год
export-in-vat-rate = Ставка НДС на капитальные вложения
export-in-vat-lag = НДС возмещается через
export-in-debt-share = Кредит, доля начальных капитальных вложений
export-in-debt-rate = Ставка по кредиту (она же рыночная)
export-in-debt-tenor = Срок кредита, включая льготный период
export-in-debt-grace = Льготный период по кредиту
export-in-debt-equal = Погашение (1 — равными долями, 0 — аннуитет)
export-in-royalty = Роялти { $number }: { $name }
export-in-charged-on = Начисляется на
export-in-every-product = все продукты
export-in-share-of-revenue = Доля выручки
export-in-amount-per-output = Сумма на единицу выпуска
export-in-from-year = С года
export-in-to-year = По год
export-in-first-model-year = первый год модели
export-in-last-model-year = последний год модели
export-in-main-product = Продукт: { $name } (основной)
export-in-benchmark = Цена импорта: { $name }
export-in-variable-cost = Переменные затраты на единицу: { $name }
export-in-capex = Начальные капитальные вложения: { $name }
export-in-sustaining = Поддерживающие капитальные вложения за год работы
export-in-fixed-opex = Постоянные операционные затраты за год работы
export-in-start = Первый год работы
export-in-end = Последний год работы
export-in-tax-life = Срок полезного использования (линейный метод)
export-in-closure-cost = Затраты на ликвидацию
export-in-closure-year = Год ликвидации
export-in-salvage = Ликвидационная стоимость
export-in-spread-amount = Ликвидация в рассрочку: сумма в год
export-in-spread-first = Ликвидация в рассрочку: первый год
export-in-spread-years = Ликвидация в рассрочку: число лет
export-in-headcount = Фонд оплаты труда: численность
export-in-wage = Фонд оплаты труда: зарплата на человека в год
export-in-wages = Фонд оплаты труда: сумма в год
export-in-property-life = Срок полезного использования для налога на имущество
export-in-start-index = Амортизация с индекса года модели
export-in-closure-index = Индекс года ликвидации (99999 — за горизонтом модели)
export-in-support = Поддержка: { $name } ({ $kind })
export-in-first = Первый год
export-in-last = Последний год
export-in-taxable = Облагается налогом на прибыль
export-in-amount-per-year = Сумма в год
export-in-product = Продукт
export-in-amount-per-unit = Сумма на единицу
export-in-floor = Минимальная цена
export-in-grant-share = Доля начальных капитальных вложений каждого года
export-in-grant-amount = Сумма, пропорционально капитальным вложениям
export-in-reduces-base = Уменьшает амортизируемую базу
export-in-loan-amount = Сумма, получаемая в первый год
export-in-loan-rate = Процентная ставка
export-in-loan-tenor = Срок, включая льготный период
export-in-loan-grace = Льготный период
export-in-rate-points = Субсидируемые процентные пункты
export-in-reduced-profit = Пониженная ставка налога на прибыль
export-in-reduced-property = Пониженная ставка налога на имущество
export-in-reduced-contribution = Пониженный тариф страховых взносов
export-in-arctic-step = Налог на прибыль, ступень { $number }
export-in-arctic-years = { $what }: лет с первого года
export-in-arctic-rate = { $what }: ставка

## Лист денежных потоков: строки и разделы

export-led-intro = Каждая ячейка ниже — формула на листе «{ $inputs }» и на строках выше; в столбце B — ключ строки в `assay report --format csv`.
export-led-timing = Время
export-led-capex = Капитальные вложения
export-led-t = Индекс года модели t (год − первый год)
export-led-output = Выпуск: { $name } ({ $unit })
export-led-revenue-of = Выручка: { $name }
export-led-unit-cost = Переменные затраты на единицу, { $currency }
export-led-variable-opex-of = Переменные операционные затраты: { $name }
export-led-capex-of = Капитальные вложения: { $name }
export-led-other-fixed-opex-of = Постоянные операционные затраты без фонда оплаты труда: { $name }
export-led-fixed-opex-of = Постоянные операционные затраты: { $name }
export-led-payroll-of = Фонд оплаты труда: { $name }
export-led-sustaining-of = Поддерживающие капитальные вложения: { $name }
export-led-closure-of = Затраты на ликвидацию: { $name }
export-led-salvage-of = Ликвидационная стоимость: { $name }
export-led-debt-first-repayment = Кредит: индекс года первого погашения
export-led-debt-draws = Кредит: получение
export-led-debt-interest = Кредит: проценты
export-led-debt-balance-first = Кредит: остаток к первому погашению
export-led-debt-annuity = Кредит: равный платёж (аннуитет)
export-led-debt-principal = Кредит: погашение основного долга
export-led-debt-balance = Кредит: остаток на конец года
export-led-support-of = Поддержка: { $name }
export-led-rates = Ставки налогов и взносов
export-led-rate-without = { $levy ->
    [property] Ставка налога на имущество
    [contribution] Тариф страховых взносов
   *[profit] Ставка налога на прибыль
} без льгот
export-led-rate-alone = { $levy ->
    [property] Ставка налога на имущество
    [contribution] Тариф страховых взносов
   *[profit] Ставка налога на прибыль
} только с льготой «{ $name }»
export-led-rate-in-force = { $levy ->
    [property] Действующая ставка налога на имущество
    [contribution] Действующий тариф страховых взносов
   *[profit] Действующая ставка налога на прибыль
}
export-led-loan-draw = Получение займа: { $name }
export-led-loan-interest = Проценты по займу: { $name }
export-led-loan-principal = Погашение займа: { $name }
export-led-loan-balance = Остаток займа: { $name }
export-led-interest-forgone = Проценты, недополученные государством: { $name }
export-led-grants = Капитальные гранты
export-led-grants-taxable = Капитальные гранты: облагаемая часть
export-led-base-reduction = Доля капитальных вложений, исключаемая из амортизируемой базы
export-led-operations = Операционная деятельность
export-led-revenue = Выручка
export-led-operating-support = Операционная поддержка
export-led-operating-support-taxable = Операционная поддержка: облагаемая часть
export-led-other-fixed-opex = Постоянные операционные затраты без фонда оплаты труда
export-led-payroll = Фонд оплаты труда
export-led-fixed-opex = Постоянные операционные затраты
export-led-variable-opex = Переменные операционные затраты
export-led-property-tax = Налог на имущество
export-led-ebitda = EBITDA
export-led-sustaining = Поддерживающие капитальные вложения
export-led-closure = Затраты на ликвидацию
export-led-salvage = Ликвидационная стоимость
export-led-royalty-of = Роялти: { $name }
export-led-royalties = Роялти / НДПИ
export-led-vat-paid = НДС, уплаченный с капитальных вложений
export-led-vat-refund = Возмещение НДС
export-led-interest = Проценты
export-led-interest-subsidy = Субсидия на проценты
export-led-interest-subsidy-taxable = Субсидия на проценты: облагаемая часть
export-led-wc-and-tax = Оборотный капитал и налог
export-led-wc = Оборотный капитал
export-led-wc-change = Прирост оборотного капитала
export-led-taxable-unlevered = Налогооблагаемая прибыль (проект, без процентов)
export-led-taxable = Налогооблагаемая прибыль
export-led-depreciation-of = Амортизация: { $name }
export-led-spend = Амортизируемые затраты: { $name }
export-led-charged-from = Начисляется с индекса года
export-led-property-base-of = База налога на имущество: { $name }
export-led-depreciation = Амортизация
export-led-property-base = База налога на имущество (среднегодовая остаточная стоимость)
export-led-charge = { $book ->
    [property] Годовое начисление на затраты этого года (учёт для налога на имущество)
   *[tax] Годовое начисление на затраты этого года
}
export-led-charge-in-force = { $book ->
    [property] Действующее начисление (учёт для налога на имущество)
   *[tax] Действующее начисление
}
export-led-write-down = { $book ->
    [property] Списание (учёт для налога на имущество): { $name }
   *[tax] Амортизация: { $name }
}
export-led-book-value = { $book ->
    [property] Остаточная стоимость (учёт для налога на имущество): { $name }
   *[tax] Остаточная стоимость: { $name }
}
export-led-losses-used = Использованные убытки { $basis }
export-led-profit-tax = Налог на прибыль { $basis }
export-led-loss-pool = Непогашенные убытки на конец года { $basis }
export-led-basis-project = (проект, без процентов)
export-led-basis-company = (компания)
export-led-basis-no-relief = (компания, без льгот)
export-led-basis-alone = (компания, только с льготой «{ $name }»)
export-led-cash-flow-section = Денежный поток
export-led-cash-flow = Денежный поток проекта
export-led-equity = Денежный поток на собственный капитал
export-led-discount-factor = Коэффициент дисконтирования
export-led-discounted = Дисконтированный денежный поток
export-led-cumulative = Накопленный денежный поток
export-led-cumulative-discounted = Накопленный дисконтированный денежный поток
export-led-debt-draws-all = Получение кредитов и займов
export-led-debt-repayment = Погашение кредитов и займов
export-led-debt-service = Обслуживание долга
export-led-cfads = Денежный поток для обслуживания долга
export-led-state = Позиция государства
export-led-budget-cost-of = Затраты бюджета: { $name }
export-led-given-up = { $levy ->
    [property] Выпадающий налог на имущество
    [contribution] Выпадающие страховые взносы
   *[profit] Выпадающий налог на прибыль
}: { $name }
export-led-budget-cost = Затраты бюджета, все инструменты
export-led-social-funds = Выпадающие взносы социальных фондов
export-led-taxes-and-royalties = Налог на прибыль (компания), налог на имущество и роялти
export-led-state-discount-factor = Коэффициент дисконтирования государства

## Лист денежных потоков: примечания к ячейкам о том, как считается строка

export-note-revenue = выпуск × цена
export-note-payroll = фонд оплаты труда в годы работы, пересчитанный в валюту отчётности и округлённый до 6 знаков, как в Assay
export-note-closure-spread = затраты на ликвидацию в год ликвидации плюс сумма рассрочки в каждый из её лет
export-note-debt-first-repayment = год после последнего года капитальных вложений плюс льготный период
export-note-debt-interest = проценты на остаток на начало года: полученная сумма несёт проценты со следующего года
export-note-offtake = доплата: MAX(0, минимальная цена − цена) × выпуск
export-note-loan = льготный заём ничего не платит проекту: он действует на денежный поток на собственный капитал (строки ниже)
export-note-interest-subsidy = процентные пункты × остаток долга на начало года = проценты × пункты / ставка по кредиту, но не больше процентов
export-note-tax-relief = налоговая льгота ничего не платит: она снижает ставку налога (строка «Действующая ставка налога на прибыль»)
export-note-relief = льгота ничего не платит: она снижает действующие ставки (раздел «Ставки налогов и взносов»)
export-note-rate-in-force = наименьшая из ставки без льгот и ставок с каждой льготой в отдельности
export-note-grant-amount = сумма пропорционально капитальным вложениям каждого года в годы гранта
export-note-loan-principal = равные доли основного долга после льготного периода; в последний год модели погашается весь остаток
export-note-interest-forgone = затраты бюджета: (рыночная ставка − ставка займа) × остаток на начало года; рыночная ставка — ставка по кредиту
export-note-base-reduction = гранты, уменьшающие амортизируемую базу: их сумма, делённая на капитальные вложения года, не более 100 %
export-note-contributions = фонд оплаты труда × действующий тариф взносов, до 6 знаков, как в Assay
export-note-fixed-opex = постоянные затраты без фонда оплаты труда + фонд оплаты труда + страховые взносы
export-note-property-tax = среднегодовая остаточная стоимость × действующая ставка налога на имущество, до 6 знаков, как в Assay
export-note-ebitda = выручка + операционная поддержка − постоянные затраты − переменные затраты − налог на имущество − роялти
export-note-royalty-share = доля × выручка (своего продукта или всех продуктов) в годы действия
export-note-royalty-unit = сумма × выпуск (своего продукта или всех продуктов) в годы действия
export-note-vat-paid = (капитальные вложения + поддерживающие капитальные вложения) × ставка НДС, до 6 знаков, как в Assay
export-note-vat-refund = НДС, уплаченный на срок возмещения раньше; в последний год модели возмещается и то, что пришлось бы на годы за горизонтом
export-note-wc = доля × выручка; полностью высвобождается в последний год модели
export-note-taxable = EBITDA − необлагаемая операционная поддержка + облагаемые гранты + ликвидационная стоимость − амортизация − затраты на ликвидацию
export-note-property-base = среднее остаточной стоимости на начало и конец года, с первого года работы по год ликвидации
export-note-depreciation = действующее начисление, не больше остаточной стоимости; в год ликвидации списывается остаток
export-note-losses-used = перенесённые убытки уменьшают не более ограниченной доли положительной базы
export-note-cash-flow = EBITDA − налог проекта − капитальные вложения − поддерживающие капитальные вложения − прирост оборотного капитала − ликвидация + ликвидационная стоимость + капитальные гранты − уплаченный НДС + возмещённый НДС
export-note-equity = денежный поток проекта + (налог проекта − налог компании) + получение кредитов − проценты − погашение + субсидия на проценты
export-note-discount-factor = (1 + ставка)^-(t + сдвиг момента дисконтирования), до 12 знаков, как в Assay
export-note-given-up-property = (ставка без льгот − ставка только с этой льготой) × база налога на имущество, до 6 знаков
export-note-given-up-contributions = (тариф без льгот − тариф только с этой льготой) × фонд оплаты труда, до 6 знаков; это затраты социальных фондов
export-note-given-up-profit = налог компании по обычным ставкам минус налог компании только с этой льготой
export-note-relief-cost = от чего отказывается государство по этой льготе: налог на имущество, взносы и налог на прибыль

## Лист показателей

export-metric-npv = { term-npv } проекта
export-metric-npv-equity = { term-investor-npv } (на собственный капитал)
export-metric-irr-primary = { term-irr } проекта, основной корень
export-metric-irr = { term-irr } проекта
export-metric-irr-other = { term-irr } проекта, другой корень
export-metric-mirr = { term-mirr } (финансирование и реинвестирование по норме дисконта)
export-metric-last-negative = Индекс последнего года с отрицательным накопленным потоком (−1, если такого нет)
export-metric-payback = Срок окупаемости, лет от первого года
export-metric-budget-cost = Приведённые затраты бюджета (по норме дисконта государства)
export-metric-taxes = Приведённые налог на прибыль, налог на имущество и роялти (по норме дисконта государства)
export-metric-breakeven = Цена безубыточности основного продукта ({ $per_unit })
export-metric-benchmark = Цена импорта ({ $per_unit })
export-metric-unit-cost = Приведённая себестоимость единицы ({ $per_unit })
export-metric-required = Необходимая поддержка при цене импорта ({ $currency } в год)
export-note-irr-seeded = IRR() с начальным приближением — основным корнем Assay (ближайшим к норме дисконта)
export-note-irr-none = Assay не нашёл { term-irr }: { $reason }
export-note-irr-other = Не выражается формулой: Assay просматривает ln(1+r) на сетке из 512 шагов, уточняет каждую смену знака методом Брента и проверяет каждый корень на точной (Decimal) таблице денежных потоков (docs/CONVENTIONS.md)
export-note-breakeven = Не выражается формулой: метод ложного положения (вариант Иллинойс) на [0, 2 × наибольшая цена] для постоянной цены с { term-npv } = 0, с проверкой на точной таблице денежных потоков (docs/CONVENTIONS.md)
export-note-benchmark = Средневзвешенная по выпуску приведённая цена импорта
export-note-unit-cost = ПС(капитальные вложения, ликвидация − ликвидационная стоимость, оборотный капитал, операционные затраты, роялти и налог проекта − выручка от попутных продуктов) / ПС(выпуск основного продукта)
export-note-required = Равная необлагаемая субсидия в каждый год производства, при которой { term-npv } = 0 по цене импорта: −{ term-npv } / сумма коэффициентов дисконтирования лет производства, в точной арифметике

## Листы вариантов поддержки и рисков

export-least-support = Минимальная поддержка каждого вида для условия «{ $target }» (базовый вариант), по возрастанию приведённых затрат бюджета по норме дисконта государства
export-note-solver = Не выражается формулой: метод Брента на точной таблице денежных потоков (для каникул — целые годы). { $note }
export-no-sensitivity = Чувствительность не рассчитана: { $reason }
export-tornado-default = Торнадо: факторы по умолчанию на уровне 1 − 20 % и 1 + 20 %
export-tornado-drivers = Торнадо: каждый фактор на уровне P10 и P90
export-no-monte-carlo = Монте-Карло не рассчитан: { $reason }
export-monte-carlo-title = Монте-Карло: { $trials_shown } { $trials ->
    [one] испытание
    [few] испытания
    [many] испытаний
   *[other] испытания
}, начальное значение генератора { $seed }
export-mc-npv = { term-npv } ({ $currency })
export-mc-unit-cost = Себестоимость единицы ({ $per_unit })
export-mc-investor-npv = { term-investor-npv } ({ $currency })
export-mc-budget-cost = Приведённые затраты бюджета ({ $currency })
export-mc-taxes = Приведённые налоги и роялти ({ $currency })
export-mc-prob-negative = P({ term-npv } < 0)

## Отчёт PDF

export-pdf-footer = { $footer }   ·   стр. { $page } из { $pages }
export-pdf-title = Отчёт об оценке инвестиционного проекта
export-pdf-case = Вариант: { $case }
export-pdf-date = Дата: { $date }
export-pdf-prepared = Подготовлено в Assay { $version }
export-pdf-basis = { $basis }, валюта — { $currency }; норма дисконта { $rate }; дисконтирование { $convention }
export-pdf-summary = Резюме
export-pdf-key-figures = Основные показатели
export-pdf-col-figure = Показатель
export-pdf-col-value = Значение
export-pdf-sentence-npv-benchmark = При введённых ценах (цена импорта — { $benchmark }) проект при норме дисконта { $rate } { $outcome ->
    [loses] убыточен: его { term-npv } равен минус { $amount }
   *[earns] прибылен: его { term-npv } равен { $amount }
}.
export-pdf-sentence-npv = При введённых ценах проект при норме дисконта { $rate } { $outcome ->
    [loses] убыточен: его { term-npv } равен минус { $amount }
   *[earns] прибылен: его { term-npv } равен { $amount }
}.
export-pdf-sentence-breakeven = Проект безубыточен при цене основного продукта { $price }.
export-pdf-sentence-subsidy = При продаже по цене импорта для безубыточности нужна равная ежегодная субсидия { $amount }.
export-pdf-sentence-cheapest = Самая дешёвая для бюджета поддержка, при которой базовый вариант становится эффективным: { $instrument }, { $level } (приведённые затраты бюджета { $cost }).
export-pdf-charts = Графики
export-chart-millions = млн { $currency }
export-chart-cash-flow = Денежный поток проекта
export-chart-yearly = за год
export-chart-cumulative = накопленный
export-chart-price = Цена: { $product }
export-chart-price-line = цена
export-chart-benchmark = цена импорта
export-chart-breakeven = безубыточность
export-chart-npv-profile = { term-npv } в зависимости от нормы дисконта
export-chart-project-npv = { term-npv } проекта
export-chart-unit-cost = Структура себестоимости единицы
export-chart-capital = капитал
export-chart-opex = опер. затр.
export-chart-taxes = налоги
export-chart-by-products = попут.
export-chart-total = итого
export-chart-taxes-legend = налоги = роялти и налог проекта
export-pdf-ledger = Денежные потоки по годам
export-pdf-ledger-continued = Денежные потоки по годам (продолжение)
export-pdf-ledger-units = млн { $currency }; коэффициенты дисконтирования — в долях единицы
export-pdf-funding-intro = Базовый вариант и все сценарии — с позиции инвестора (по норме дисконта проекта) и государства (по норме { $state_rate }). Суммы в млн { $currency }.
export-pdf-least-support = Минимальная поддержка каждого вида
export-pdf-least-support-intro = Для условия «{ $target }» в базовом варианте, по возрастанию приведённых затрат бюджета по норме дисконта государства.
export-pdf-sensitivity = Чувствительность
export-pdf-sensitivity-default = Каждый фактор по умолчанию на уровне 1 − 20 % и 1 + 20 %, остальное — как введено; { term-npv } по норме дисконта инвестора.
export-pdf-sensitivity-drivers = Каждый фактор на уровне P10 и P90, остальное — как введено; { term-npv } по норме дисконта инвестора.
export-pdf-assumptions = Допущения и источники
export-pdf-no-notes = В файле проекта нет примечаний к исходным данным и нет источников.
export-pdf-notes-intro = Файл проекта содержит { $notes ->
    [one] { $notes } примечание
    [few] { $notes } примечания
    [many] { $notes } примечаний
   *[other] { $notes } примечания
} к исходным данным — каждое у своего поля (вид величины: опубликованные данные, расчётная величина или допущение; пояснение; ссылки на источники) — и { $sources ->
    [one] { $sources } источник
    [few] { $sources } источника
    [many] { $sources } источников
   *[other] { $sources } источника
}.
export-pdf-col-field = Поле
export-pdf-col-note = Примечание
export-pdf-sources = Источники
export-pdf-col-source = Источник: ключ, название, издатель и дата, адрес
export-pdf-project = Проект
export-pdf-scenario = Сценарий: { $name }
export-pdf-main-inputs = Основные исходные данные
export-pdf-model-years = Годы модели
export-pdf-discount-rates = Норма дисконта (инвестор / государство)
export-pdf-capex-of = Капитальные вложения: { $name } ({ $currency })
export-pdf-product-of = Продукт: { $name } ({ $unit })
export-pdf-conventions = Правила расчёта, кратко
export-pdf-convention-timing = Дисконтирование { $convention }.
export-pdf-convention-money = Денежные расчёты ведутся в точной десятичной арифметике; суммы, пересчитанные из второй валюты, и линейные амортизационные начисления округляются до миллионной, коэффициенты дисконтирования — до 12 знаков.
export-pdf-convention-cash-flow = Денежный поток проекта = EBITDA − налог на прибыль проекта − капитальные вложения − поддерживающие капитальные вложения − прирост оборотного капитала − затраты на ликвидацию + ликвидационная стоимость + капитальные гранты. Денежный поток инвестора (на собственный капитал) добавляет получение кредитов и займов и вычитает проценты и погашение основного долга.
export-pdf-convention-losses = Перенесённые убытки уменьшают не более ограниченной доли положительной налоговой базы года. Амортизация — линейная за срок полезного использования; в год ликвидации списывается остаток.
export-pdf-convention-irr = { term-irr }: находятся все корни, и каждый проверяется на точной таблице денежных потоков; основной корень — ближайший к норме дисконта. Цена безубыточности — постоянная цена основного продукта, при которой { term-npv } = 0. Необходимая поддержка — равная необлагаемая субсидия, при которой { term-npv } = 0 по цене импорта.
export-pdf-convention-budget = Затраты бюджета: выплаты государства, проценты, недополученные по льготным займам, и налоги, от которых отказывается государство по льготам; их приведённая стоимость считается по норме дисконта государства.
