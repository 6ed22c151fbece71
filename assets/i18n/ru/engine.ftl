# engine: типизированные примечания и ошибки расчётного ядра словами (src/report/words.rs).

engine-with-method = { $plain } ({ $method })
engine-base-case = Базовый вариант
engine-equity-irr = ВНД собственного капитала
engine-not-computable = не поддаётся расчёту
engine-list-separator = {"; "}

## Виды поддержки, которые подбирает расчёт

engine-kind-subsidy-per-year = Операционная субсидия в год
engine-kind-subsidy-per-unit = Субсидия на единицу основной продукции
engine-kind-grant-share = Капитальный грант, доля капитальных вложений
engine-kind-soft-loan-rate = Льготный заём, наибольшая приемлемая ставка
engine-kind-tax-holiday-years = Налоговые каникулы по налогу на прибыль, лет
engine-kind-offtake-floor = Гарантированная минимальная цена закупки
engine-kind-property-tax-years = Освобождение от налога на имущество, лет
engine-kind-contribution-rate = Страховые взносы, наибольший приемлемый тариф

## Факторы риска по умолчанию

engine-driver-price = цена: { $product }
engine-driver-benchmark = цена импорта: { $product }
engine-driver-capex = капитальные вложения
engine-driver-fixed-opex = постоянные затраты
engine-driver-variable-cost = переменные затраты
engine-driver-output = объём производства
engine-driver-fx = валютный курс

## Цели и уровни

engine-target-npv = ЧДД инвестора = 0 при норме дисконта
engine-target-irr = ВНД инвестора = { $hurdle }
engine-level-unreachable = цель недостижима
engine-level-per-year = { $amount } { $currency } в год
engine-level-of-capex = { $share } капитальных вложений
engine-level-a-year = { $rate } годовых
engine-level-contributions = взносы по тарифу { $rate }

## Примечания подбора: что найдено, простыми словами

engine-reach-npv = выходит на безубыточность
engine-reach-irr = достигает ВНД { $hurdle }
engine-found-subsidy-per-year = Наименьшая операционная субсидия, при которой инвестор { $reach }: { $level }.
engine-found-subsidy-per-unit = Наименьшая субсидия на единицу основной продукции, при которой инвестор { $reach }: { $level }.
engine-found-grant-share = Наименьший капитальный грант, при котором инвестор { $reach }: { $level }.
engine-found-soft-loan-rate = Наибольшая ставка займа, при которой инвестор ещё { $reach }: { $level }.
engine-found-tax-holiday-years = Самые короткие каникулы по налогу на прибыль, при которых инвестор { $reach }: { $level }.
engine-found-offtake-floor = Наименьшая гарантированная цена закупки, при которой инвестор { $reach }: { $level }.
engine-found-property-tax-years = Самое короткое освобождение от налога на имущество, при котором инвестор { $reach }: { $level }.
engine-found-contribution-rate = Наибольший тариф страховых взносов, при котором инвестор ещё { $reach }: { $level }.
engine-found-npv = { $at ->
    [rate] При этой ставке
    [price] При этой цене
   *[support] При такой поддержке
} ЧДД инвестора { $npv }{ $rounding }.
engine-found-npv-at-hurdle = { $at ->
    [rate] При этой ставке
    [price] При этой цене
   *[support] При такой поддержке
} ЧДД инвестора по ставке { $hurdle } { $npv }{ $rounding }.
engine-rounding = (округление)
engine-found-none-needed = Поддержка не нужна: без неё ЧДД инвестора уже { $npv }.
engine-found-market-rate = Льгота не нужна: достаточно займа по рыночной ставке { $rate }; ЧДД инвестора { $npv }.
engine-found-normal-rate = Снижение не нужно: при обычном тарифе { $rate } ЧДД инвестора { $npv }.
engine-not-solved = Не рассчитано: { $error }.
engine-short-loan = Даже под 0 % заём в размере { $share } капитальных вложений на { $tenor } оставляет ЧДД инвестора на уровне { $npv }.
engine-short-no-property-tax = Проект не платит налог на имущество: освобождать не от чего.
engine-short-no-payroll = Ни у одного объекта нет фонда оплаты труда: снижать страховые взносы не с чего.
engine-short-holiday-years = Даже налоговые каникулы на { $years } (все годы производства) оставляют ЧДД инвестора на уровне { $npv }.
engine-short-property-tax-years = Даже освобождение от налога на имущество на { $years } (все годы производства) оставляет ЧДД инвестора на уровне { $npv }.
engine-short-grant = Даже грант в размере 100 % капитальных вложений оставляет ЧДД инвестора на уровне { $npv }.
engine-short-contributions = Даже нулевой тариф страховых взносов во все годы производства оставляет ЧДД инвестора на уровне { $npv }.
engine-short-no-level = Ни один уровень до { $high } не достигает цели.

## Методы (во всплывающей подсказке)

engine-method-none-needed = Без поддержки, с проверкой на точном десятичном расчёте
engine-method-market-rate = Рыночная ставка, с проверкой на точном десятичном расчёте
engine-method-normal-rate = Обычный тариф, с проверкой на точном десятичном расчёте
engine-method-brent-loan-rate = Метод Брента по ставке займа, с проверкой на точном десятичном расчёте
engine-method-brent-contribution-rate = Метод Брента по тарифу взносов, с проверкой на точном десятичном расчёте
engine-method-brent-grant-share = Метод Брента по доле гранта, с проверкой на точном десятичном расчёте
engine-method-brent-subsidy = Метод Брента по размеру субсидии, с проверкой на точном десятичном расчёте
engine-method-brent-floor-price = Метод Брента по минимальной цене, с проверкой на точном десятичном расчёте
engine-method-whole-years = Перебор целого числа лет по одному, с проверкой на точном десятичном расчёте
engine-method-breakeven = Метод ложного положения на ценах от 0 до { $high }, с проверкой на точном десятичном расчёте

## Примечания к оценке

engine-root-npv = ЧДД там в десятичном расчёте { $npv }
engine-root-npv-not-computable = ЧДД там в десятичном расчёте не поддаётся расчёту ({ $error })
engine-root-kept-sign = { $irr }: корень { $root } сохранён: { $npv } (допуск { $tol }), но знак меняется в пределах ±{ $width }.
engine-root-kept-slope = { $irr }: корень { $root } сохранён: { $npv } (допуск { $tol }), но по наклону корень лежит в пределах ±{ $width }.
engine-root-dropped = { $irr }: корень { $root } отброшен: { $npv } (допуск { $tol }), знак не меняется в пределах ±{ $width }.
engine-root-not-checked = { $irr }: корень { $root } не проверен: { $error }.
engine-non-conventional = { $irr }: неординарный денежный поток, { $n ->
    [one] { $count } корень
    [few] { $count } корня
   *[other] { $count } корней
}: { $roots }.
engine-irr-missing = { $irr }: { $why }.
engine-irr-none-checked = ни один корень не прошёл проверку в десятичном расчёте
engine-npv-implausible = ЧДД { $npv } больше { $limit }: проверьте введённые ставки, единицы и цены.
engine-mirr-missing = МВНД: { $error }.
engine-pi-no-capex = Индекс доходности: нет капитальных вложений.
engine-unit-cost-no-output = Себестоимость единицы: основной продукт не производится.
engine-required-never-produced = Необходимая поддержка: основной продукт не производится.
engine-required-none = Необходимая поддержка: не нужна, ЧДД не отрицателен при цене импорта.
engine-breakeven-never-produced = Цена безубыточности: основной продукт не производится.
engine-breakeven-overflow-at-zero = Цена безубыточности: переполнение в расчёте при нулевой цене.
engine-breakeven-not-negative-at-zero = Цена безубыточности: нет, ЧДД не отрицателен даже при нулевой цене.
engine-breakeven-no-price = Цена безубыточности: ни одна цена до { $high } не доводит ЧДД до нуля.
engine-breakeven-found = Цена безубыточности: { $price }. При этой цене ЧДД проекта { $npv } (округление).
engine-breakeven-check-failed = Цена безубыточности: нет; при цене { $price } ЧДД в десятичном расчёте { $npv }, больше допуска { $tol }.

## Ошибки

engine-error-overflow = переполнение при расчёте: слишком большое входное значение
engine-error-overflow-at = переполнение при расчёте: { $cause }
engine-error-division-by-zero = деление на ноль в строке расчёта
engine-error-invalid = проект содержит ошибку: { $why }
engine-invalid-discount-rate = норма дисконта { $rate } должна быть больше -1
engine-invalid-no-main-product = нужен ровно один основной продукт
engine-invalid-never-produced = основной продукт не производится
engine-invalid-cannot-appraise = проект не удаётся оценить
engine-invalid-npv-only-view = подготовленный проект годится только для расчёта ЧДД, полной таблицы в нём нет
engine-invalid-no-second-currency = статья затрат указана во второй валюте, но вторая валюта не задана
engine-invalid-no-product = нет продукта { $name }
engine-invalid-driver-target = { $path }: «{ $name }» не указывает ни на продукт, ни на объект этого варианта
engine-invalid-correlation = корреляция «{ $first }» и «{ $second }» несовместима с остальными (матрица корреляций не положительно определена): уменьшите её или одну из других
engine-invalid-trials = число испытаний должно быть от 1 до { $max }
engine-overflow-price = { $place } в { $year } году: слишком большая цена
engine-overflow-output = { $place } в { $year } году: слишком большое значение
engine-overflow-revenue = { $place } в { $year } году: объём × цена слишком велики
engine-overflow-variable-cost = { $place } в { $year } году: объём × переменные затраты слишком велики
engine-overflow-discounting = { $place } { $rate }: дисконтирование { $year } года умножает денежный поток на { $factor }, больше наибольшего представимого числа
engine-overflow-discount-factor = { $place } { $rate }: коэффициент дисконтирования за { $year } год больше наибольшего представимого числа
engine-finance-empty = ряд денежных потоков пуст
engine-finance-non-finite = денежный поток под номером { $index } — не конечное число
engine-finance-no-sign-change = денежный поток ни разу не меняет знак, поэтому внутренней нормы доходности нет
engine-finance-no-root = корень между { $low } и { $high } не найден
engine-finance-rate-out-of-range = ставка { $rate } вне допустимых пределов: нужна конечная ставка больше -1
engine-finance-mirr-undefined = МВНД не определена: { $why }
engine-finance-did-not-converge = поиск корня не сошёлся за { $iterations } итераций
engine-finance-overflow = арифметическое переполнение
engine-finance-function-not-finite = функция не конечна при x = { $x }
engine-finance-invalid-argument = недопустимый аргумент: { $what }
engine-mirr-too-few-periods = нужно не меньше двух периодов
engine-mirr-no-positive = в потоке нет положительных значений
engine-mirr-no-negative = в потоке нет отрицательных значений
engine-arg-time-not-finite = время должно быть конечным
engine-arg-offset-too-large = слишком большой сдвиг
engine-arg-offset-not-half-years = сдвиг в десятичном расчёте должен быть целым или половиной года
engine-arg-offset-not-finite = сдвиг по времени должен быть конечным
engine-arg-npv-not-finite = ЧДД должен быть конечным
engine-arg-pv-capex = приведённые капитальные вложения должны быть конечной положительной суммой
engine-arg-bracket = концы интервала должны быть конечными
engine-arg-tolerance = допуск должен быть конечным положительным числом
engine-arg-no-scan-interval = для перебора нужен хотя бы один интервал
engine-arg-scan-ends = концы перебора должны быть конечными, причём нижний меньше верхнего
