# engine: en
