# compare: ru. Вид «Сравнение» (src/app/compare.rs). Названия показателей
# берутся из общих терминов core.ftl.

## Заголовок и состояние

compare-rates = Норма дисконта инвестора { $rate } ({ $basis }, { $cur }) · норма дисконта государства { $state_rate } для затрат бюджета и налогов · { $convention }
compare-rates-tip = ЧДД и ВНД инвестора — это показатели собственного капитала, если есть долг или заём, по норме дисконта инвестора (сценарий может задать свою). Взгляд государства (затраты бюджета, налоги, чистый бюджетный эффект) — по норме дисконта государства. Дисконтирование: { $convention }.
compare-basis-real = постоянные цены
compare-basis-nominal = текущие цены
compare-convention-start = дисконтирование на начало года
compare-convention-mid = дисконтирование на середину года
compare-convention-end = дисконтирование на конец года
compare-comparing = Сравниваем сценарии…
compare-has-problems = В проекте есть ошибки (см. «Результаты»): исправьте их, чтобы сравнить сценарии.
compare-stale = Показана последняя корректная модель: в проекте есть ошибки.
compare-updating = Обновляется…
compare-show = Показать:
compare-tick-one = Отметьте сценарий для сравнения.
compare-a-scenario = Сценарий

## Варианты (столбцы)

compare-base-tip = Базовый вариант: исходные данные как введены, без изменений сценариев.
compare-scenario-tip = { $description }
    Изменяет: { $overrides }.
compare-override-price-factor = коэффициент цены
compare-override-products = продукцию
compare-override-facilities = объекты
compare-override-fiscal = налоговые условия
compare-override-support = меры поддержки
compare-override-financing = финансирование
compare-override-discount-rate = норму дисконта
compare-override-nothing = ничего (данные базового варианта)
compare-not-appraised-because = Не рассчитан: { $why }
compare-not-appraised = не рассчитан
compare-case-not-appraised = { $name }: не рассчитан: { $why }
compare-main-product = основной продукции

## Показатели (строки)

compare-metric = Показатель
compare-row-discount-rate = { term-discount-rate } инвестора
compare-row-project-npv = { term-npv } проекта
compare-row-project-irr = { term-irr } проекта
compare-row-investor-npv = { term-npv } инвестора (собственного капитала)
compare-row-investor-irr = { term-irr } инвестора (собственного капитала)
compare-row-social-funds = в т. ч. внебюджетные фонды
compare-row-taxes = Приведённые налоги и роялти
compare-row-net-fiscal = Чистый бюджетный эффект
compare-row-cost-per-tonne = Затраты бюджета на тонну замещённого импорта
compare-row-viability = P(ЧДД инвестора ≥ 0)
compare-row-investor-p10 = { term-npv } инвестора P10
compare-row-investor-p90 = { term-npv } инвестора P90
compare-row-budget-mean = { term-pv-budget-cost }, среднее
compare-row-budget-p90 = { term-pv-budget-cost }, P90
compare-none = нет
compare-never = не окупается

## Единицы

compare-unit-millions = млн { $cur }
compare-unit-millions-state = млн { $cur }, по норме государства
compare-unit-millions-mc = млн { $cur }, Монте-Карло
compare-unit-pct-year = % годовых
compare-unit-rate = % годовых, { $basis }
compare-unit-years = лет
compare-unit-efficiency = { $cur } ЧДД инвестора на 1 { $cur } бюджета
compare-unit-viability = % исходов, Монте-Карло

## Определения (подсказки строк)

compare-def-discount-rate = Норма, по которой считаются ЧДД проекта и собственного капитала: норма проекта или собственная норма сценария, если он её задаёт.
compare-def-project-npv = Финансирование и займы в него не входят; { $basis }.
compare-def-budget-cost = Сумма приведённых по норме дисконта государства затрат бюджета на каждую меру поддержки: выплаты по субсидии, гранту или доплате по гарантии цены; проценты, недополученные по льготному займу ((рыночная ставка − ставка займа) × остаток долга на начало года); налоги и страховые взносы, недополученные из-за льготы.
compare-def-social-funds = Часть приведённых затрат бюджета, приходящаяся на недополученные страховые взносы (льгота по взносам, режим Арктической зоны): расход внебюджетных фондов, а не собственно бюджета.
compare-def-taxes = Приведённые по норме дисконта государства налог на прибыль, налог на имущество и роялти / НДПИ, уплачиваемые проектом.
compare-def-net-fiscal = Чистый бюджетный эффект = приведённые налоги и роялти − приведённые затраты бюджета, по норме дисконта государства.
compare-def-efficiency = Бюджетная эффективность = (ЧДД инвестора в сценарии − ЧДД инвестора в том же сценарии без мер поддержки) / приведённые затраты бюджета: сколько получает инвестор на каждую единицу расходов бюджета. Нет (–), если поддержка ничего не стоит.
compare-def-per-tonne = Приведённые затраты бюджета / приведённый выпуск продукции «{ $product }» в тоннах, оба по норме дисконта государства: приведённые затраты на тонну замещённого импорта (для гарантии цены — средняя доплата на тонну). Единицы т, кг и тыс. т пересчитываются; для других единиц — нет (–).
compare-def-viability = Монте-Карло, { $trials } испытаний на одних и тех же выборках для всех вариантов (факторы риска из вида «Риски»): доля смоделированных исходов, в которых ЧДД инвестора не меньше 0.
compare-def-investor-p10 = P10: в 10 % смоделированных исходов ЧДД инвестора ниже этого значения.
compare-def-investor-p90 = P90: в 90 % смоделированных исходов ЧДД инвестора ниже этого значения.
compare-def-budget-mean = Средние приведённые затраты бюджета (по норме государства) по смоделированным исходам.
compare-def-budget-p90 = P90 приведённых затрат бюджета (по норме государства): в 10 % исходов бюджет платит больше (здесь виден «хвост» гарантии цены).

## Лучшее значение строки

compare-best-tip = Лучшее в строке ({ $meaning }).
compare-best-highest = наибольшее
compare-best-efficiency = наибольшая: больше всего ЧДД инвестора на единицу бюджета
compare-best-lowest-cost = наименьшие затраты бюджета среди вариантов, которые чего-то стоят бюджету

## Строки Монте-Карло

compare-run-risk = Риски по всем вариантам
compare-run-risk-tip = Монте-Карло для каждого варианта на одних и тех же { $trials } выборках (факторы риска из вида «Риски»): добавляет в таблицу вероятность окупаемости для инвестора и разброс затрат бюджета по каждому варианту
compare-run-risk-busy = Идёт расчёт Монте-Карло (по одному за раз): дождитесь его или отмените
compare-risk-rows-note = Последние пять строк: Монте-Карло, { $trials } испытаний (seed { $seed }), все варианты на одних и тех же выборках.
compare-risk-rows-hidden = Строки Монте-Карло скрыты: данные изменились после последнего расчёта.

## Ранжирование мер поддержки

compare-case-base = базового варианта
compare-case-scenario = сценария «{ $name }»
compare-ranking-heading = Минимальная поддержка каждого вида для достижения цели
compare-ranking-for = для { $case } (выбран в структуре проекта), по возрастанию приведённых затрат бюджета
compare-ranking-about = Для варианта, выбранного в структуре проекта ({ $case }), с уже имеющейся в нём поддержкой. Каждый вид поддержки отдельно, на наименьшем уровне, достигающем цели, по возрастанию приведённых затрат бюджета по норме государства ({ $rate }).
compare-col-instrument = Мера поддержки
compare-col-least-level = Минимальный уровень
compare-col-cost = Приведённые затраты бюджета, млн { $cur }
compare-col-how-found = Как найдено
compare-rank-cost-name = { $kind }, приведённые затраты бюджета: { $cost }
compare-soft-loan-note = Льготный заём: { $share } % начальных капитальных вложений, срок { $tenor_shown } { $tenor ->
        [one] год
        [few] года
       *[many] лет
    }, льготный период { $grace_shown } { $grace ->
        [one] год
        [few] года
       *[many] лет
    }; уровень — наибольшая ставка, при которой цель ещё достигается, но не выше ставки коммерческого долга. Найдено за { $millis } мс.
compare-target = Цель:
compare-target-npv = ЧДД инвестора = 0
compare-target-irr = ВНД инвестора = барьерная ставка
compare-hurdle = Барьерная ставка

## Диаграммы

compare-no-comparison = Сравнения пока нет.
compare-bars = Столбцы:
compare-bars-investor-tip = ЧДД потока собственного капитала: что получает инвестор, с учётом займов
compare-bars-project-tip = ЧДД денежного потока проекта: финансирование и займы в него не входят
compare-chart-title = { $npv } и приведённые затраты бюджета по сценариям
compare-chart-subtitle = { $unit }, { $basis }; ЧДД по норме инвестора, затраты бюджета — по норме государства. Наведите курсор, чтобы увидеть значения.
compare-chart-empty = Нет сценариев для показа.
compare-ranking-chart-title = Приведённые затраты бюджета для достижения цели ({ $case })
compare-ranking-chart-subtitle = { $unit } по норме государства; { $target }. Наведите курсор, чтобы увидеть уровень.
compare-unreachable = Цель недостижима: { $kinds }
compare-none-reaches = Ни один вид поддержки не достигает цели.
compare-short-subsidy-year = Субсидия/год
compare-short-subsidy-unit = Субсидия/ед.
compare-short-grant = Грант
compare-short-soft-loan = Льготный заём
compare-short-tax-holiday = Налоговые каникулы
compare-short-offtake = Гарантия цены
compare-short-property-tax = Льгота по налогу на имущество
compare-short-contributions = Льгота по взносам
