# report: текстовые отчёты, строки таблицы денежных потоков и командная строка (src/report.rs, src/report/*.rs, src/cli.rs).

## Строки таблицы денежных потоков

report-line-revenue-of = Выручка: { $name }
report-line-revenue = Выручка
report-line-support-of = Поддержка: { $name }
report-line-operating-support = Операционная поддержка
report-line-fixed-opex = Постоянные операционные затраты
report-line-payroll = {"  "}в т. ч. оплата труда
report-line-contributions = {"  "}в т. ч. страховые взносы
report-line-variable-opex = Переменные операционные затраты
report-line-property-tax = Налог на имущество
report-line-royalties = Роялти / НДПИ
report-line-ebitda = EBITDA
report-line-depreciation = Амортизация
report-line-interest = Проценты
report-line-interest-subsidy = Субсидия на проценты
report-line-taxable-income = Налогооблагаемая прибыль
report-line-losses-used = Зачтённые убытки прошлых лет
report-line-profit-tax = Налог на прибыль (компания)
report-line-profit-tax-unlevered = Налог на прибыль (проект)
report-line-capex = Капитальные вложения
report-line-sustaining-capex = Поддерживающие капитальные вложения
report-line-capital-grants = Капитальные гранты
report-line-working-capital-change = Прирост оборотного капитала
report-line-vat-paid = НДС, уплаченный с капитальных вложений
report-line-vat-refund = Возмещённый НДС
report-line-closure = Ликвидация
report-line-salvage = Ликвидационная стоимость
report-line-cash-flow = Денежный поток проекта
report-line-discount-factor = Коэффициент дисконтирования
report-line-discounted-cash-flow = Дисконтированный денежный поток
report-line-cumulative-cash-flow = Накопленный денежный поток
report-line-cumulative-discounted-cash-flow = Накопленный дисконтированный денежный поток
report-line-debt-draws = Получение кредитов
report-line-debt-repayment = Погашение долга
report-line-debt-service = Обслуживание долга
report-line-equity-cash-flow = Денежный поток собственного капитала

## Текстовый отчёт

report-none = нет
report-never = не окупается
report-no-root = корня нет
report-none-because = нет ({ $why })
report-money-real = в постоянных ценах
report-money-nominal = в текущих ценах
report-heading = Годы модели { $first }–{ $last }, { $basis }, валюта { $currency }; норма дисконта { $rate } ({ $basis }), дисконтирование: { $convention }.
report-irr-roots = { $irr } (неординарный поток: корни { $roots })
report-years-from = { $shown } { $n ->
    [one] год
    [few] года
    [many] лет
   *[other] года
} считая от { $first } года
report-payback = Срок окупаемости
report-discounted-payback = Дисконтированный срок окупаемости
report-pi = Индекс доходности
report-peak-funding = Макс. потребность в финансировании
report-main-product = Основной продукт: { $name } (на { $unit })
report-unit-cost = Приведённая себестоимость
report-unit-cost-build-up = капитальные { $capital }, операционные { $opex }, роялти и налоги { $taxes }, за вычетом попутной продукции { $credit }
report-breakeven-price = Цена безубыточности
report-benchmark-price = Цена импорта (ориентир)
report-price-gap = Разрыв в цене
report-required-support = Необходимая поддержка
report-required-support-value = { $per_year } в год, или { $per_unit } (равными долями, не облагается налогом, при цене импорта)
report-equity-npv = ЧДД собственного капитала
report-equity-irr = ВНД собственного капитала
report-min-dscr = Минимальный DSCR
report-col-year = год
report-col-revenue = выручка
report-col-ebitda = EBITDA
report-col-capex = капвложения
report-col-cash-flow = ден. поток
report-col-cumulative = нарастающим итогом
report-notes = Примечания:
report-how-found = { $method }.
report-assumptions = Допущения и источники:
report-sources = Источники:

## Сравнение

report-compare-heading = { $name }: инвестор по ставке { $investor }, государство по ставке { $state } ({ $convention }; { $basis }, валюта { $currency })
report-project-npv = ЧДД проекта
report-project-irr = ВНД проекта
report-investor-npv = ЧДД инвестора (собственный капитал)
report-investor-irr = ВНД инвестора (собственный капитал)
report-payback-years = Срок окупаемости, лет
report-social-funds = {"  "}в т. ч. внебюджетные фонды
report-taxes-pv = Приведённые налоги и роялти
report-net-fiscal = Чистый бюджетный эффект (приведённый)
report-budget-efficiency = Бюджетная эффективность
report-cost-per-tonne = Затраты бюджета на 1 т замещения
report-not-appraised = { $name }: не оценён: { $error }
report-required-intro = Наименьшая поддержка каждого вида для цели «{ $target }» (базовый вариант), по возрастанию приведённых затрат бюджета по ставке государства:
report-efficiency-defined = Бюджетная эффективность = прирост ЧДД инвестора (ЧДД собственного капитала; без долга — ЧДД проекта) на единицу приведённых затрат бюджета.

## Чувствительность и Монте-Карло (src/report/risk.rs)

report-risk-no-delay-switch = нет в пределах { $years }
report-risk-no-switch = нет в пределах { $low }–{ $high }
report-risk-sensitivity-title = { $name }: чувствительность ЧДД
report-risk-npv-as-entered = ЧДД по введённым данным: { $npv } { $currency }
report-risk-default-drivers = Раздела рисков нет: факторы по умолчанию, каждый при 1 − размах и 1 + размах.
report-risk-file-drivers = Нижнее и верхнее значения — P10 и P90 каждого фактора.
report-risk-low = нижнее
report-risk-high = верхнее
report-risk-npv-low = ЧДД при нижнем ({ $currency })
report-risk-npv-high = ЧДД при верхнем ({ $currency })
report-risk-npv-zero-at = ЧДД = 0 при
report-risk-capex-overrun = Перерасход капитальных вложений (начальных и поддерживающих)
report-risk-opex-overrun = Перерасход операционных затрат (постоянных и переменных)
report-risk-overrun-heading = { $title }: цена безубыточности и равномерная субсидия, закрывающая разрыв
report-risk-col-breakeven = безубыточность, { $unit }
report-risk-col-subsidy-year = субсидия, { $currency } в год
report-risk-col-subsidy-unit = субсидия, { $unit }
report-risk-mc-title = { $name }: Монте-Карло, { $trials } { $n ->
    [one] испытание
    [few] испытания
    [many] испытаний
   *[other] испытания
}, начальное число { $seed }
report-risk-row-npv = ЧДД ({ $currency })
report-risk-row-unit-cost = Себестоимость ({ $unit })
report-risk-mean = среднее
report-risk-sd = ст. откл.
report-risk-se-mean = ст. ошибка среднего
report-risk-prob-negative = P(ЧДД < 0) = { $share }: доля смоделированных исходов, в которых проект убыточен при норме дисконта.
report-risk-without-irr = { $share } испытаний без ВНД.
report-risk-drivers = Что движет ЧДД (ранговая корреляция; доля дисперсии):
report-risk-options = Варианты поддержки на тех же выборках:
report-risk-prob-investor = P(ЧДД инвестора ≥ 0)
report-risk-investor-p = ЧДД инвестора { $p }
report-risk-budget-mean = Приведённые затраты бюджета, среднее
report-risk-budget-p90 = Приведённые затраты бюджета, P90
report-risk-could-not-run = { $name }: расчёт не выполнен: { $error }

## Командная строка (src/cli.rs)

report-cli-upgraded = { $file }: записан в версии формата { $version } (примечаний: { $notes }, источников: { $sources })
report-cli-upgraded-problems = { $file }: { $count } { $n ->
    [one] ошибка оставлена
    [few] ошибки оставлены
   *[other] ошибок оставлено
} как есть, их нужно исправить; список выдаёт `assay check`
report-cli-export-where = export: укажите, куда записать, например --xlsx OUT.xlsx или --pdf OUT.pdf
report-cli-wrote = записан { $file }
report-cli-target-not-number = --target { $text }: «{ $rest }» — не число (irr=0.12 означает 12 %)
report-cli-target-range = --target { $text }: пороговая ВНД должна быть больше -0.99 и не больше 10
report-cli-target-use = --target { $text }: укажите `npv` или `irr=0.12`
report-cli-no-case = { $file }: не удалось оценить ни один вариант:
report-cli-range = --range { $range }: укажите долю от 0 до 1 (0.2 означает ±20 %)
report-cli-trials = --trials { $trials }: укажите от 1 до { $max }
report-cli-valid = { $file }: ошибок нет (объектов: { $facilities }, продуктов: { $products }, мер поддержки: { $support }, сценариев: { $scenarios })
report-cli-problems = { $file }: { $count } { $n ->
    [one] ошибка
    [few] ошибки
   *[other] ошибок
} нужно исправить:
report-cli-csv-quote = поле в кавычках не закрыто
report-cli-csv-empty = файл пуст
report-cli-csv-at-line = строка { $line }: { $error }
report-cli-csv-no-column = в заголовке нет столбца `{ $column }`
report-cli-csv-too-many-fields = полей { $fields }, а в заголовке { $header }; дробную часть в этом файле отделяет точка (-100.5), а не запятая
report-cli-csv-no-value = нет значения в столбце `{ $column }`
report-cli-csv-bad-year = год «{ $year }» — не целое число
report-cli-csv-bad-flow = cash_flow «{ $value }» — не число
report-cli-csv-no-rows = после заголовка нет строк
report-cli-csv-too-many-rows = строк { $rows }; в ряду не больше 1000 лет
report-cli-csv-year-twice = год { $year } встречается дважды
report-cli-csv-year-gap = год { $year } идёт после { $previous }; годы должны идти подряд
report-cli-cumulative-overflows = накопленный денежный поток переполняется
report-cli-rate-comma = --rate { $rate }: запятая в числе: напишите { $fixed }, а не { $text }
report-cli-rate-not-number = --rate «{ $rate }» — не число (0.10 означает 10 %)
report-cli-rate-range = --rate { $rate } должна быть больше -0.99 и не больше 10
report-cli-series-heading = { $count } { $n ->
    [one] год
    [few] года
   *[other] лет
} начиная с { $first }, норма дисконта { $rate }, дисконтирование: { $convention }
report-cli-years = { $shown } { $n ->
    [one] год
    [few] года
    [many] лет
   *[other] года
}
report-cli-note = примечание: { $note }
